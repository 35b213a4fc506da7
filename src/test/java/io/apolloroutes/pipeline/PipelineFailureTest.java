package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import io.apolloroutes.ingest.RunProperties;
import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.mapping.SequenceDraft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.model.SplitDefinition;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What happens when something inside the pack goes wrong (a defect, a full disk), simulated with
 * AdviceWith: faults are woven into the real routes and triggered by sequence or file names.
 */
@UseAdviceWith
@ExtendWith(OutputCaptureExtension.class)
class PipelineFailureTest extends PipelineTestSupport {

    @RegisterExtension
    static final WireMockExtension APOLLO = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void apollo(DynamicPropertyRegistry registry) {
        registry.add("apollo.base-url", () -> APOLLO.baseUrl());
        registry.add("apollo.api-key", () -> "sk_test_failure_paths");
    }

    @BeforeEach
    void weaveFaultsOnce() throws Exception {
        // the extension resets the stubs before each test
        APOLLO.stubFor(post(CREATE).willReturn(createdAnswer("64f1a2b3c4d5e6f7a8b9c0e1")));
        noSequencesYet(APOLLO);
        if (camel.isStarted()) {
            return;
        }
        // a header set by some earlier step, which must not travel to Apollo
        AdviceWith.adviceWith(camel, "apollo-create",
                route -> route.weaveAddFirst().setHeader("X-Internal-Note").constant("for-the-pipeline-only"));
        // a defect while handling one sequence
        AdviceWith.adviceWith(camel, "sequence", route -> route.weaveByToUri("direct:apollo-create").before()
                .process(exchange -> {
                    if (draftName(exchange).startsWith("Boom")) {
                        throw new IllegalStateException("simulated defect");
                    }
                }));
        // a failure of the whole file after its sequences were sent
        AdviceWith.adviceWith(camel, "file-run", route -> route.weaveByType(SplitDefinition.class).after()
                .process(PipelineFailureTest::failSomeFiles));
        camel.start();
    }

    @Test
    void sends_no_header_set_inside_the_pipeline() {
        dropText("internal-header.csv", "sequence,subject,body\nHeader check,Hello,Hi there\n");
        awaitReport("internal-header.csv");

        assertThat(APOLLO.findAll(postRequestedFor(urlEqualTo(CREATE)))).singleElement()
                .satisfies(request -> assertThat(request.containsHeader("X-Internal-Note")).isFalse());
    }

    @Test
    void a_defect_in_one_sequence_defers_it_and_the_others_are_still_created() {
        dropText("defect.csv", "sequence,subject,body\nFine one,Hello,Hi\nBoom,Hello,Hi\nFine two,Hello,Hi\n");

        JsonNode report = awaitReport("defect.csv");

        assertThat(report.path("status").asText()).isEqualTo("processed");
        assertThat(report.path("sequences")).extracting(s -> s.path("outcome").asText())
                .containsExactly("created", "deferred", "created");
        assertThat(report.path("sequences").get(1).path("reason").asText())
                .contains("internal error").contains("simulated defect");
        assertThat(read(deadLetterOf("defect.csv").resolve("failed-rows.csv"))).contains("Boom").doesNotContain("Fine");
    }

    @Test
    void a_file_that_breaks_off_keeps_its_created_sequences_on_record_and_goes_to_dead_letter(CapturedOutput output) {
        dropText("crash-after-send.csv", "sequence,subject,body\nSent first,Hello,Hi\nSent second,Hello,Hi\n");

        JsonNode report = awaitReport("crash-after-send.csv");

        assertThat(report.path("status").asText()).isEqualTo("failed");
        assertThat(report.path("error").asText()).contains("simulated disk failure");
        assertThat(report.path("sequences")).extracting(s -> s.path("apollo_id").asText())
                .containsExactly("64f1a2b3c4d5e6f7a8b9c0e1", "64f1a2b3c4d5e6f7a8b9c0e1");
        // the report is closed first, then the dead-letter entry is written and the original moved into it
        await().atMost(Duration.ofSeconds(10)).until(() -> runFile("dead-letter", "crash-after-send.csv", "")
                .map(folder -> Files.exists(folder.resolve("crash-after-send.csv"))).orElse(false));
        Path deadLetter = deadLetterOf("crash-after-send.csv");
        assertThat(read(deadLetter.resolve("crash-after-send.csv.error.txt")))
                .contains("internal error").contains("do not drop the whole file again");
        assertThat(output.getAll()).contains("created 'Sent first' as 64f1a2b3c4d5e6f7a8b9c0e1");
        APOLLO.verify(2, postRequestedFor(urlEqualTo(CREATE)));
    }

    @Test
    void a_failed_file_that_cannot_be_moved_away_is_not_processed_again(CapturedOutput output) throws Exception {
        Files.writeString(folder("blocked").resolve("not-a-folder"), "a file where a folder is needed");
        APOLLO.stubFor(post(CREATE).withRequestBody(matchingJsonPath("$.name", equalTo("Stuck")))
                .willReturn(createdAnswer("64f1a2b3c4d5e6f7a8b9c0e2")));
        dropText("stuck.csv", "sequence,subject,body\nStuck,Hello,Hi\n");

        awaitReport("stuck.csv");
        // Camel's rollback tries the move for a while before giving up; then the next poll meets the guard
        await().atMost(Duration.ofSeconds(15)).until(() -> output.getAll()
                .contains("stuck.csv failed before and is left untouched where it is"));
        // more polls, each of which would take the file again without the guard
        Thread.sleep(1_000);

        APOLLO.verify(1, postRequestedFor(urlEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.name",
                equalTo("Stuck"))));
        assertThat(folder("inbox").resolve("stuck.csv")).exists();
    }

    @Test
    void a_failed_file_moved_to_dead_letter_and_back_unchanged_is_processed_again() throws Exception {
        dropText("crash-and-back.csv", "sequence,subject,body\nCome back,Hello,Hi\n");
        awaitReport("crash-and-back.csv");
        await().atMost(Duration.ofSeconds(10)).until(() -> runFile("dead-letter", "crash-and-back.csv", "")
                .map(folder -> Files.exists(folder.resolve("crash-and-back.csv"))).orElse(false));

        // the disk is fine again: the file is moved back as it is (a move keeps its time)
        Path moved = deadLetterOf("crash-and-back.csv").resolve("crash-and-back.csv");
        Files.move(moved, folder("inbox").resolve("crash-and-back.csv"));

        // read again: a second run, with its own report (the ledger keeps "Come back" from a second create)
        await().atMost(Duration.ofSeconds(15)).until(() -> filesUnder(folder("reports")).stream()
                .filter(report -> report.getFileName().toString().endsWith("_crash-and-back.csv.report.json"))
                .count() == 2);
    }

    private static void failSomeFiles(Exchange exchange) throws IOException {
        String name = exchange.getProperty(RunProperties.INPUT_FILE, InputFile.class).name();
        if (name.startsWith("stuck")) {
            // the move to dead-letter must fail too: its folder would have to be created inside a file
            exchange.setProperty(RunProperties.FAILED_PATH,
                    folder("blocked").resolve("not-a-folder").resolve(name).toAbsolutePath().toString());
        }
        if (name.startsWith("crash") || name.startsWith("stuck")) {
            throw new IOException("simulated disk failure");
        }
    }

    private static String draftName(Exchange exchange) {
        SequenceDraft draft = exchange.getProperty(SequenceDraft.PROPERTY, SequenceDraft.class);
        return draft == null || draft.name() == null ? "" : draft.name();
    }
}
