package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.support.TestInputs;
import io.apolloroutes.support.TestWorkbooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowNumbersTest {

    static final InputFile CSV = TestInputs.inputFile(Path.of("team.csv"));
    static final InputFile XLSX = TestInputs.inputFile(Path.of("team.xlsx"));

    @TempDir
    Path dir;

    @Test
    void writes_plain_row_numbers_as_ranges() {
        assertThat(RowNumbers.describe(CSV, List.of(6, 4, 5, 9))).isEqualTo("rows 4-6, 9");
        assertThat(RowNumbers.describe(XLSX, List.of(3))).isEqualTo("row 3");
        assertThat(RowNumbers.forReport(XLSX, List.of(2, 3))).containsExactly(2, 3);
    }

    @Test
    void names_the_sheet_of_rows_from_a_sequences_and_steps_workbook() {
        List<Integer> rows = List.of(20_000_005, 10_000_002, 20_000_004, 20_000_006);

        assertThat(RowNumbers.describe(XLSX, rows)).isEqualTo("Sequences row 2, Steps rows 4-6");
        assertThat(RowNumbers.forReport(XLSX, rows)).containsExactly("Steps!5", "Sequences!2", "Steps!4", "Steps!6");
    }

    @Test
    void never_reads_a_sheet_into_the_row_numbers_of_a_csv() {
        assertThat(RowNumbers.describe(CSV, List.of(20_000_004))).isEqualTo("row 20000004");
        assertThat(RowNumbers.forReport(CSV, List.of(20_000_004))).containsExactly(20_000_004);
    }

    @Test
    void locates_problems_of_a_two_sheet_workbook_by_sheet_row_and_column() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "team.xlsx", workbook -> {
            TestWorkbooks.putRows(workbook.createSheet("Sequences"), 1, new Object[] {"Sequence", "Permissions"},
                    new Object[] {"Fine", "private"}, new Object[] {"Broken", "everyone"});
            TestWorkbooks.putRows(workbook.createSheet("Steps"), 1,
                    new Object[] {"Sequence", "Step", "Wait Time", "Wait Mode", "Subject", "Body"},
                    new Object[] {"Fine", 1, 0, "day", "Hi", "Hello"},
                    new Object[] {"Broken", 1, 0, "day", "Hi", "Hello"},
                    new Object[] {"Broken", 2, 2, "weeks", "", "Again"},
                    new Object[] {"Broken", 2, 2, "day", "", "Again, B"});
        });
        List<SequenceCandidate> candidates = TestInputs.candidates(file);

        SequenceDraft broken = new SequenceMapper(TestInputs.MAPPER).map(candidates.get(1));

        assertThat(broken.rows()).containsExactly(10_000_003, 20_000_003, 20_000_004, 20_000_005);
        assertThat(broken.problems()).extracting(p -> p.render(candidates.get(1).file())).containsExactly(
                "team.xlsx Steps rows 4-5, column \"Wait Mode\" (emailer_steps[1].wait_mode): disagrees with Steps"
                        + " row 4 ('weeks'); a step setting must be the same on every row of the step — got 'day'");
    }
}
