package io.apolloroutes.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.support.RunningPack;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Google Sheet read through the Sheets API with a service account, against a local stand-in of
 * Google's token endpoint and the Sheets v4 values API (dry run: the runs end in would-create).
 */
class GoogleSheetSyncTest {

    /** More data rows than one page of the API, so the sheet is read in two. */
    static final int SEQUENCES = GoogleSheets.PAGE_ROWS + 2;

    @TempDir
    Path work;

    SheetsApiStandIn google;
    RunningPack pack;

    @AfterEach
    void stop() {
        if (pack != null) {
            pack.close();
        }
        if (google != null) {
            google.close();
        }
    }

    @Test
    void reads_a_sheet_below_its_title_rows_page_by_page_and_names_rows_as_the_sheet_does() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Q4 outbound plan - owned by RevOps", "", ""));
        rows.add(List.of("", "", ""));
        rows.add(List.of("sequence", "subject", "body"));
        for (int i = 1; i <= SEQUENCES; i++) {
            // sheet row 10 has no subject: an email that starts a thread needs one
            rows.add(List.of("Q4 wave " + i, rows.size() + 1 == 10 ? "" : "Hello {{first_name}}", "Hi there"));
        }
        google = new SheetsApiStandIn("Plan", rows);
        pack = start(google.serviceAccountKey(work));

        JsonNode report = pack.awaitReport("plan.csv", Duration.ofSeconds(60));

        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(SEQUENCES);
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(SEQUENCES - 1);
        JsonNode invalid = report.path("sequences").get(10 - 4);
        assertThat(invalid.path("outcome").asText()).isEqualTo("invalid");
        assertThat(invalid.path("rows").toString()).isEqualTo("[10]");
        assertThat(invalid.path("reason").asText()).contains("row 10");
        // signed in as the service account, then the sheet in two pages of values, each with the token
        google.server().verify(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));
        List<String> ranges = google.server().findAll(getRequestedFor(urlPathMatching("/v4/spreadsheets/.+/values/.+")))
                .stream().peek(request -> assertThat(request.getHeader("Authorization"))
                        .isEqualTo("Bearer " + SheetsApiStandIn.TOKEN))
                .map(request -> URLDecoder.decode(request.getUrl().split("\\?")[0], StandardCharsets.UTF_8)).toList();
        int lastRow = SEQUENCES + 3 + 20;
        assertThat(ranges).contains("/v4/spreadsheets/" + SheetsApiStandIn.SPREADSHEET + "/values/'Plan'!A3:C5002",
                "/v4/spreadsheets/" + SheetsApiStandIn.SPREADSHEET + "/values/'Plan'!A5003:C" + lastRow);

    }

    @Test
    void a_sheet_the_service_account_may_not_read_is_shown_down_with_what_to_do() {
        google = new SheetsApiStandIn("Plan", List.of(List.of("sequence", "subject", "body")));
        google.server().stubFor(get(urlPathMatching("/v4/spreadsheets/.+/values/.+")).willReturn(aResponse()
                .withStatus(403).withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":403,"
                        + "\"message\":\"The caller does not have permission\",\"status\":\"PERMISSION_DENIED\"}}")));
        pack = start(google.serviceAccountKey(work));

        await().atMost(Duration.ofSeconds(20)).until(() -> pack.health("").path("components").path("sheetSync")
                .path("status").asText().equals("DOWN"));

        assertThat(pack.health("").path("components").path("sheetSync").path("details").path("plan").asText())
                .contains("403 The caller does not have permission")
                .contains("is the sheet shared with the service account's e-mail address?");
        assertThat(pack.reports()).isEmpty();
    }

    @Test
    void a_header_row_setting_that_points_below_the_column_names_is_named_in_the_refusal() {
        google = new SheetsApiStandIn("Plan", List.of(List.of("Q4 plan", "", ""), List.of("", "", ""),
                List.of("sequence", "subject", "body"), List.of("Q1 Outbound", "Hi", "Hello"),
                List.of("Q2 Renewal", "Hi", "Hello")));
        pack = start(google.serviceAccountKey(work), "4");

        JsonNode report = pack.awaitReport("plan.csv", Duration.ofSeconds(30));

        assertThat(report.path("status").asText()).isEqualTo("unreadable");
        assertThat(report.path("error").asText()).contains("row 4").contains("header-row")
                .doesNotContain("delete those rows");
    }

    private RunningPack start(Path serviceAccountKey) {
        return start(serviceAccountKey, "3");
    }

    private RunningPack start(Path serviceAccountKey, String headerRow) {
        Map<String, String> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("sync.google-root-url", google.rootUrl());
        settings.put("sync.work-directory", work.resolve("sync-work").toString());
        settings.put("sync.sources.plan.cron", "0/1 * * * * ?");
        settings.put("sync.sources.plan.google.spreadsheet-id", SheetsApiStandIn.SPREADSHEET);
        settings.put("sync.sources.plan.google.sheet", "Plan");
        settings.put("sync.sources.plan.google.columns", "A:C");
        settings.put("sync.sources.plan.google.header-row", headerRow);
        settings.put("sync.sources.plan.google.service-account-key-file", serviceAccountKey.toString());
        return RunningPack.start(work, settings);
    }
}
