package io.apolloroutes.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpSheetsFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|text/csv; charset=utf-8|https://example.test/anything|csv",
        "|application/vnd.openxmlformats-officedocument.spreadsheetml.sheet|https://example.test/x|xlsx",
        "|application/octet-stream|https://example.test/exports/plan.XLSX|xlsx",
        "|text/plain|https://docs.google.com/spreadsheets/d/e/KEY/pub?gid=0&single=true&output=csv|csv",
        "|application/octet-stream|https://contoso.sharepoint.com/download?format=xlsx|xlsx",
        "tsv|text/plain|https://example.test/plan|tsv"})
    void tells_the_format_from_the_settings_the_answer_or_the_address(String configured, String type, String address,
                                                                      String expected) throws SheetFetchException {
        assertThat(HttpSheets.format(configured, type, URI.create(address))).isEqualTo(expected);
    }

    @Test
    void asks_for_the_format_setting_when_nothing_tells() {
        assertThatThrownBy(() -> HttpSheets.format(null, "text/html", URI.create("https://example.test/view?key=s3cret")))
                .isInstanceOf(SheetFetchException.class)
                .hasMessageContaining("set the source's format")
                .hasMessageNotContaining("s3cret");
    }
}
