package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.apolloroutes.pipeline.ApolloStubs.CREATE;
import static io.apolloroutes.pipeline.ApolloStubs.createdAnswer;
import static io.apolloroutes.pipeline.ApolloStubs.noSequencesYet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.apolloroutes.ledger.LedgerEntry;
import io.apolloroutes.ledger.SequenceLedger;
import io.apolloroutes.support.LedgerDatabases;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deferred sequences are sent again by themselves when due, through a resume file in the inbox, also
 * when they were deferred before the service (re)started: the schedule lives in the ledger only.
 */
class ResumeDeferredPipelineTest extends PipelineTestSupport {

    /** A body the pack wrote for quick-start.csv, as the ledger keeps it: one line. */
    static final String LEFT_FROM_LAST_RUN = compact("expected/quick-start/001-q1-outbound-vp-sales.json");
    static final String NAME = "Q1 Outbound - VP Sales";

    @RegisterExtension
    static final WireMockExtension APOLLO = WireMockExtension.newInstance().options(options().dynamicPort())
            // the resume may run before a test starts: the stubs are set once, before the service starts
            .resetOnEachTest(false).build();

    @DynamicPropertySource
    static void apollo(DynamicPropertyRegistry registry) {
        registry.add("apollo.base-url", () -> APOLLO.baseUrl());
        registry.add("apollo.api-key", () -> "sk_test_resume_deferred");
        registry.add("apollo.retry.max-retries", () -> "0");
        registry.add("apollo.resume.after-failure", () -> "1s");
        registry.add("apollo.resume.check-interval", () -> "300ms");
    }

    /** A sequence deferred by an earlier run of the service, due since a minute: only the ledger knows it. */
    @BeforeAll
    static void a_previous_run_left_a_deferred_sequence() {
        DataSource h2 = LedgerDatabases.h2(work.resolve("data/ledger"));
        Flyway.configure().dataSource(h2).load().migrate();
        Instant due = Instant.now().minusSeconds(60);
        JdbcClient.create(h2).sql("insert into sequence_ledger (name_key, sequence_name, state, content_hash, source_file,"
                        + " source_rows, request_body, attempts, last_error, next_attempt_at, created_at, updated_at)"
                        + " values (?, ?, 'deferred', ?, 'monday.csv', 'rows 2-5', ?, 1,"
                        + " 'Apollo answered 429', ?, ?, ?)")
                .params(sha256(NAME), NAME, "h".repeat(64), LEFT_FROM_LAST_RUN, due.atOffset(ZoneOffset.UTC),
                        due.atOffset(ZoneOffset.UTC), due.atOffset(ZoneOffset.UTC))
                .update();
        noSequencesYet(APOLLO);
        APOLLO.stubFor(post(CREATE).withRequestBody(matchingJsonPath("$.name", equalTo(NAME)))
                .willReturn(createdAnswer("64f1a2b3c4d5e6f7a8b9c0a1")));
        APOLLO.stubFor(post(CREATE).withRequestBody(matchingJsonPath("$.name", equalTo("During the outage")))
                .inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")).willSetStateTo("back"));
        APOLLO.stubFor(post(CREATE).withRequestBody(matchingJsonPath("$.name", equalTo("During the outage")))
                .inScenario("outage").whenScenarioStateIs("back")
                .willReturn(createdAnswer("64f1a2b3c4d5e6f7a8b9c0a2")));
    }

    @Autowired
    SequenceLedger ledger;

    @Test
    void a_sequence_deferred_before_a_restart_is_sent_when_due() {
        JsonNode sequence = awaitResumedSequence(NAME);

        assertThat(sequence.path("outcome").asText()).isEqualTo("created");
        assertThat(sequence.path("apollo_id").asText()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0a1");
        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)).withRequestBody(equalToJson(LEFT_FROM_LAST_RUN)));
    }

    @Test
    void a_sequence_deferred_by_server_errors_is_sent_again_by_itself_once_due() {
        dropText("outage.csv", "sequence,subject,body\nDuring the outage,Hello,Hi\n");

        JsonNode first = awaitReport("outage.csv").path("sequences").get(0);
        assertThat(first.path("outcome").asText()).isEqualTo("deferred");
        assertThat(first.path("reason").asText()).contains("it is sent again automatically from");

        JsonNode resumed = awaitResumedSequence("During the outage");

        assertThat(resumed.path("outcome").asText()).isEqualTo("created");
        assertThat(resumed.path("apollo_id").asText()).isEqualTo("64f1a2b3c4d5e6f7a8b9c0a2");
        APOLLO.verify(2, postRequestedFor(urlEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.name", equalTo("During the outage"))));
        // still known as coming from the file it was dropped in, not from the resume file
        LedgerEntry entry = ledger.find("During the outage").orElseThrow();
        assertThat(entry.sourceFile()).isEqualTo("outage.csv");
        assertThat(entry.sourceRows()).isEqualTo("row 2");
    }

    private static String compact(String resource) {
        try (var in = ResumeDeferredPipelineTest.class.getClassLoader().getResourceAsStream(resource)) {
            return TestInputs.MAPPER.readTree(in).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ledger's key of a name: the SHA-256 of its UTF-8 bytes, in hex. */
    private static String sha256(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report entry of a sequence in a resume file's run. */
    private static JsonNode awaitResumedSequence(String name) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (Path report : resumeReports()) {
                for (JsonNode sequence : TestInputs.MAPPER.readTree(report.toFile()).path("sequences")) {
                    if (name.equals(sequence.path("name").asText())) {
                        found[0] = sequence;
                        return true;
                    }
                }
            }
            return false;
        });
        return found[0];
    }

    private static List<Path> resumeReports() {
        try (Stream<Path> files = Files.list(folder("reports"))) {
            return files.filter(p -> p.getFileName().toString().matches(".*_resume-.*\\.jsonl\\.report\\.json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
