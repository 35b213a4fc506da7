package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatedHeaderTest {

    @TempDir
    Path dir;

    @Test
    void a_header_repeated_inside_the_file_gets_one_message_saying_so() throws IOException {
        // two Excel "CSV UTF-8" exports joined into one file: the second header keeps its byte-order mark
        List<SequenceDraft> drafts = TestInputs.drafts(TestInputs.copy("inputs/joined-exports.csv", dir));

        assertThat(drafts).extracting(SequenceDraft::name).containsExactly("Q1 Outbound", "sequence", "Renewals");
        assertThat(drafts.get(0).problems()).isEmpty();
        assertThat(drafts.get(2).problems()).isEmpty();
        assertThat(drafts.get(1).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.rows()).containsExactly(4);
            assertThat(problem.message()).isEqualTo("repeats the header row (two files joined into one, or a header"
                    + " copied down); delete it");
        });
    }

    @Test
    void a_repeated_header_is_recognised_with_the_empty_columns_a_sheet_download_adds() throws IOException {
        // Google Sheets pads every row, header included, to the width of the sheet's used range
        Path file = TestInputs.write(dir, "padded.csv", "Sequence,Step,Subject,Body,,\r\n"
                + "Q1,1,Hello,Hi,,\r\n" + "Sequence,Step,Subject,Body,,\r\n" + "Q2,1,Hello,Hi,,");

        assertThat(TestInputs.drafts(file)).filteredOn(d -> "Sequence".equals(d.name())).singleElement()
                .satisfies(d -> assertThat(d.problems()).singleElement().extracting(Problem::message).asString()
                        .startsWith("repeats the header row"));
    }

    @Test
    void a_row_that_only_starts_like_the_header_is_read_as_data() throws IOException {
        Path file = TestInputs.write(dir, "named-sequence.csv", "sequence,step,subject,body\r\n"
                + "sequence,1,Hello,Hi\r\n");

        assertThat(TestInputs.drafts(file)).singleElement().satisfies(draft -> {
            assertThat(draft.problems()).isEmpty();
            assertThat(draft.request().name()).isEqualTo("sequence");
        });
    }
}
