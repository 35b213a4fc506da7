package io.apolloroutes.pipeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.apolloroutes.support.RunningPack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Sheets kept in sync on a schedule, fetched over HTTP from a local web server the way published
 * Google Sheets and Excel Online exports are, and sent to a stand-in Apollo that records every create.
 */
@ExtendWith(OutputCaptureExtension.class)
class SheetSyncTest {

    static final String PLAN_V1 = "sequence,subject,body\nQ1 Outbound - VP Sales,Hello {{first_name}},Hi\n"
            + "Webinar follow-up,Thanks for joining,Hi again\n";
    static final String CSV = "text/csv; charset=utf-8";

    @TempDir
    Path work;

    WireMockServer sheets;
    FakeApollo apollo;
    RunningPack pack;

    @BeforeEach
    void servers() {
        sheets = new WireMockServer(options().dynamicPort());
        sheets.start();
        apollo = new FakeApollo(Duration.ZERO, Duration.ofMillis(5));
    }

    @AfterEach
    void stop() {
        if (pack != null) {
            pack.close();
        }
        sheets.stop();
        apollo.close();
    }

    @Test
    void a_second_sync_after_one_new_row_creates_exactly_one_sequence() {
        publish(PLAN_V1, "\"v1\"");
        pack = start(Map.of("plan", "/plan.csv"));

        JsonNode first = pack.awaitReport("plan.csv", Duration.ofSeconds(30));
        assertThat(outcomes(first)).containsExactly("created", "created");
        publish(PLAN_V1 + "Q2 Renewal,Time to renew,Hello\n", "\"v2\"");

        JsonNode second = pack.awaitReport("plan.csv", 2, Duration.ofSeconds(30));

        assertThat(outcomes(second)).containsExactly("unchanged", "unchanged", "created");
        assertThat(second.path("sequences").get(0).path("apollo_id").asText())
                .isEqualTo(apollo.idOf("Q1 Outbound - VP Sales").orElseThrow());
        assertThat(apollo.createCallsByName()).containsOnlyKeys("Q1 Outbound - VP Sales", "Webinar follow-up",
                "Q2 Renewal").allSatisfy((name, calls) -> assertThat(calls).as(name).isEqualTo(1L));
    }

    @Test
    void skips_a_sheet_the_server_says_has_not_changed() {
        publish(PLAN_V1, "\"v1\"");
        pack = start(Map.of("plan", "/plan.csv"));
        pack.awaitReport("plan.csv", Duration.ofSeconds(30));

        // every second a sync asks again, and the server answers 304 to the version already synced
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);

        assertThat(pack.reportsOf("plan.csv")).hasSize(1);
        List<LoggedRequest> asked = sheets.findAll(getRequestedFor(urlEqualTo("/plan.csv")));
        assertThat(asked.size()).isGreaterThanOrEqualTo(3);
        assertThat(asked.get(asked.size() - 1).getHeader("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void skips_a_sheet_that_reads_the_same_when_its_server_cannot_say(CapturedOutput output) {
        // no ETag, no Last-Modified: only the content tells
        sheets.stubFor(get(urlEqualTo("/plain.csv")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", CSV).withBody(PLAN_V1)));
        pack = start(Map.of("plain", "/plain.csv"));
        pack.awaitReport("plain.csv", Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll()
                .contains("sync plain: the sheet reads the same as at the last sync"));

        assertThat(pack.reportsOf("plain.csv")).hasSize(1);
        assertThat(apollo.createCalls()).isEqualTo(2);
    }

    @Test
    void a_sequence_first_created_from_a_dropped_file_is_already_there_not_unchanged() throws Exception {
        // the sheet's first sync is a day away: the file comes first
        pack = start(Map.of(), Map.of());
        Path staged = Files.writeString(Files.createDirectories(work.resolve("staging")).resolve("plan.csv"),
                "sequence,subject,body\nQ1 Outbound - VP Sales,Hello {{first_name}},Hi\n");
        Files.move(staged, work.resolve("inbox").resolve("plan.csv"));
        pack.awaitReport("plan.csv", Duration.ofSeconds(30));
        pack.close();
        publish(PLAN_V1, "\"v1\"");

        pack = start(Map.of("plan", "/plan.csv"));

        assertThat(outcomes(pack.awaitReport("plan.csv", 2, Duration.ofSeconds(30))))
                .containsExactly("already-exists", "created");
    }

    @Test
    void follows_a_redirect_to_an_xlsx_download() throws IOException {
        sheets.stubFor(get(urlPathEqualTo("/share/plan")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/download/export")));
        try (InputStream workbook = getClass().getClassLoader().getResourceAsStream("samples/two-sheet.xlsx")) {
            sheets.stubFor(get(urlPathEqualTo("/download/export")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .withBody(workbook.readAllBytes())));
        }
        pack = start(Map.of("workbook", "/share/plan?download=1"));

        JsonNode report = pack.awaitReport("workbook.xlsx", Duration.ofSeconds(30));

        assertThat(report.path("status").asText()).isEqualTo("processed");
        assertThat(report.path("counts").path("rows").asInt()).isPositive();
        assertThat(outcomes(report)).contains("created");
    }

    @Test
    void reports_an_edited_and_a_removed_sequence_and_leaves_apollo_alone() {
        publish(PLAN_V1, "\"v1\"");
        pack = start(Map.of("plan", "/plan.csv"));
        pack.awaitReport("plan.csv", Duration.ofSeconds(30));
        int creates = apollo.createCalls();
        publish("sequence,subject,body\nQ1 Outbound - VP Sales,Hello {{first_name}},Hi - now with a new line\n", "\"v2\"");

        JsonNode second = pack.awaitReport("plan.csv", 2, Duration.ofSeconds(30));

        assertThat(outcomes(second)).containsExactly("changed-in-sheet");
        assertThat(second.path("sequences").get(0).path("reason").asText())
                .contains("already created by this pack from sheet:plan (row 2)").contains("Apollo was not updated");
        assertThat(second.path("missing_from_sheet")).singleElement().satisfies(gone -> {
            assertThat(gone.path("name").asText()).isEqualTo("Webinar follow-up");
            assertThat(gone.path("apollo_id").asText()).isEqualTo(apollo.idOf("Webinar follow-up").orElseThrow());
        });
        assertThat(apollo.createCalls()).isEqualTo(creates);
    }

    @Test
    void never_runs_two_syncs_of_one_sheet_at_once(CapturedOutput output) {
        // each download takes longer than the second between two fires of the schedule
        sheets.stubFor(get(urlEqualTo("/slow.csv")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", CSV).withBody(PLAN_V1).withFixedDelay(2_500)));
        pack = start(Map.of("slow", "/slow.csv"));

        await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().contains(
                "sync slow: the previous sync of this sheet is still running; this one is skipped"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sheets.findAll(getRequestedFor(urlEqualTo("/slow.csv"))).size() >= 3);

        List<LoggedRequest> downloads = sheets.findAll(getRequestedFor(urlEqualTo("/slow.csv"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        for (int i = 1; i < downloads.size(); i++) {
            long apart = downloads.get(i).getLoggedDate().getTime() - downloads.get(i - 1).getLoggedDate().getTime();
            assertThat(apart).as("download %d started while %d was still running", i, i - 1).isGreaterThanOrEqualTo(2_500);
        }
    }

    @Test
    void a_sheet_that_cannot_be_read_is_shown_down_and_the_others_go_on(CapturedOutput output) {
        publish(PLAN_V1, "\"v1\"");
        sheets.stubFor(get(urlEqualTo("/broken.csv")).willReturn(aResponse().withStatus(500)));
        pack = start(Map.of("plan", "/plan.csv", "broken", "/broken.csv"));

        pack.awaitReport("plan.csv", Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains(
                "sync broken: cannot read the sheet: http://localhost:" + sheets.port() + "/broken.csv answered HTTP 500"));
        // tried every second, said once
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(output.getAll().split("sync broken: cannot read the sheet", -1)).hasSize(2);

        JsonNode health = pack.health("");
        assertThat(health.path("components").path("sheetSync").path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("components").path("sheetSync").path("details").path("broken").asText())
                .startsWith("down: ").contains("HTTP 500");
        assertThat(health.path("components").path("sheetSync").path("details").path("plan").asText()).isEqualTo("up");
        assertThat(pack.reportsOf("broken.csv")).isEmpty();
    }

    @Test
    void a_sign_in_page_instead_of_the_sheet_is_shown_down_with_what_to_do(CapturedOutput output) {
        // a published link whose sheet was unpublished: Google answers with its sign-in page, as HTML
        sheets.stubFor(get(urlEqualTo("/login.csv")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><head><title>Sign in - Google Accounts</title></head></html>\n")));
        pack = start(Map.of("login", "/login.csv"));

        await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().contains("sync login: cannot read the sheet"));

        assertThat(pack.health("").path("components").path("sheetSync").path("details").path("login").asText())
                .startsWith("down: ").contains("answered with a web page (text/html), not the sheet's export")
                .contains("Publish to web");
        assertThat(pack.reportsOf("login.csv")).isEmpty();
    }

    @Test
    void a_sign_in_page_sent_as_plain_text_is_told_from_the_sheet_by_its_content(CapturedOutput output) {
        // some servers (a proxy, a file share) send their login page without saying it is HTML
        sheets.stubFor(get(urlEqualTo("/share.csv")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain")
                .withBody("\n<!doctype html>\n<html><head><title>Sign in</title></head></html>\n")));
        pack = start(Map.of("share", "/share.csv"));

        await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().contains("sync share: cannot read the sheet"));

        assertThat(pack.health("").path("components").path("sheetSync").path("details").path("share").asText())
                .startsWith("down: ").contains("answered with a web page (HTML sent as text/plain)")
                .contains("Publish to web");
        assertThat(work.resolve("sync-work")).isEmptyDirectory();
        assertThat(pack.reportsOf("share.csv")).isEmpty();
    }

    @Test
    void gives_up_on_a_download_that_stalls_and_leaves_nothing_behind(CapturedOutput output) {
        // headers at once, then the body trickles for far longer than the read timeout
        sheets.stubFor(get(urlEqualTo("/stalling.csv")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", CSV).withBody(PLAN_V1.repeat(50)).withChunkedDribbleDelay(40, 20_000)));
        Map<String, String> settings = new HashMap<>();
        settings.put("sync.read-timeout", "1s");
        pack = start(Map.of("stalling", "/stalling.csv"), settings);

        await().atMost(Duration.ofSeconds(15)).until(() -> output.getAll()
                .contains("/stalling.csv took longer than sync.read-timeout (PT1S) to send the sheet"));

        assertThat(pack.health("").path("components").path("sheetSync").path("details").path("stalling").asText())
                .startsWith("down: ");
        assertThat(work.resolve("sync-work")).isEmptyDirectory();
        assertThat(pack.reportsOf("stalling.csv")).isEmpty();
    }

    @Test
    void a_dry_run_does_not_count_as_a_sync_so_going_live_sends_the_sheet() {
        publish(PLAN_V1, "\"v1\"");
        Map<String, String> dryRun = new HashMap<>();
        dryRun.put("apollo.api-key", "");
        pack = start(Map.of("plan", "/plan.csv"), dryRun);
        assertThat(outcomes(pack.awaitReport("plan.csv", Duration.ofSeconds(30)))).containsOnly("would-create");
        pack.close();

        pack = start(Map.of("plan", "/plan.csv"));

        assertThat(outcomes(pack.awaitReport("plan.csv", 2, Duration.ofSeconds(30)))).containsOnly("created");
        assertThat(apollo.createCalls()).isEqualTo(2);
    }

    private void publish(String csv, String etag) {
        sheets.stubFor(get(urlEqualTo("/plan.csv")).withHeader("If-None-Match", equalTo(etag))
                .willReturn(aResponse().withStatus(304)));
        sheets.stubFor(get(urlEqualTo("/plan.csv")).withHeader("If-None-Match", absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", CSV).withHeader("ETag", etag).withBody(csv)));
        sheets.stubFor(get(urlEqualTo("/plan.csv")).withHeader("If-None-Match", notMatching(Pattern.quote(etag)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", CSV).withHeader("ETag", etag).withBody(csv)));
    }

    private RunningPack start(Map<String, String> sheetPaths) {
        return start(sheetPaths, Map.of());
    }

    private RunningPack start(Map<String, String> sheetPaths, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put("apollo.api-key", "sk_test_sheet_sync");
        settings.put("apollo.base-url", apollo.baseUrl());
        settings.put("server.port", "0");
        settings.put("sync.work-directory", work.resolve("sync-work").toString());
        sheetPaths.forEach((name, path) -> {
            settings.put("sync.sources." + name + ".url", sheets.baseUrl() + path);
            settings.put("sync.sources." + name + ".cron", "0/1 * * * * ?");
        });
        settings.putAll(overrides);
        return RunningPack.start(work, settings);
    }

    private static List<String> outcomes(JsonNode report) {
        return report.path("sequences").findValuesAsText("outcome");
    }
}
