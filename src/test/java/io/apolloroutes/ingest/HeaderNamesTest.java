package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderNamesTest {

    @Test
    void is_one_shared_object_for_every_sequence_of_a_source_without_renames() {
        // the mapping asks once per sequence: a million-row file should not make a million of them
        assertThat(HeaderNames.of(Map.of())).isSameAs(HeaderNames.of(Map.of()));
    }

    @Test
    void reads_a_renamed_header_as_its_column_and_a_renamed_key_as_a_numbered_column() {
        HeaderNames names = HeaderNames.of(Map.of("Campaign", "sequence", "Touch 1 Text", "step_1_body"));

        assertThat(names.column("campaign")).contains(Column.SEQUENCE);
        assertThat(names.numbered("touch_1_text")).contains(new NumberedColumn(1, 'a', Column.BODY, null));
        assertThat(names.column("Step 1 Body")).isEmpty();
    }
}
