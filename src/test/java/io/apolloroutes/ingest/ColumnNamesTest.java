package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnNamesTest {

    @ParameterizedTest
    @CsvSource({
            "Wait Mode, WAIT_MODE", "wait-mode, WAIT_MODE", "WAIT_MODE, WAIT_MODE", "'  Wait   Mode ', WAIT_MODE",
            "Sequence, SEQUENCE", "name, SEQUENCE", "Sequence Name, SEQUENCE",
            "Emailer Schedule ID, SCHEDULE_ID", "label_names, LABELS", "body_html, BODY", "position, STEP",
            "Step -, STEP", "touch type, TOUCH_TYPE", "type, TYPE"})
    void recognises_headers_however_they_are_written(String header, Column column) {
        assertThat(ColumnNames.resolve(header)).contains(column);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Owner Name", "Region", "", "subjects"})
    void does_not_guess_unknown_headers(String header) {
        assertThat(ColumnNames.resolve(header)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_error", "_ERROR", " _error "})
    void knows_the_error_column_of_dead_letter_files(String header) {
        assertThat(ColumnNames.isErrorColumn(header)).isTrue();
        assertThat(ColumnNames.resolve(header)).isEmpty();
    }
}
