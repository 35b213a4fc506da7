package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.support.TestInputs;
import io.apolloroutes.support.TestWorkbooks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows without a sequence name below the rows of a sequence: a name typed once, or merged cells saved as CSV. */
class NamelessRowsTest {

    private static final String HEADER = "sequence,permissions,step,type,wait_time,wait_mode,subject,body\r\n";

    @TempDir
    Path dir;

    @Test
    void reads_rows_below_a_name_typed_once_as_its_steps_and_says_so() throws IOException {
        Path file = TestInputs.write(dir, "typed-once.csv", HEADER
                + "Q1 Outbound,team_can_use,1,auto_email,0,minute,Hello,Hi\r\n"
                + ",,2,auto_email,3,day,,Again\r\n"
                + ",,3,call,2,day,,\r\n"
                + "Renewals,private,1,auto_email,0,minute,Renewal,Hi\r\n"
                + ",,2,auto_email,5,day,,Reminder\r\n");

        List<SequenceDraft> drafts = TestInputs.drafts(file);

        assertThat(drafts).extracting(SequenceDraft::name).containsExactly("Q1 Outbound", "Renewals");
        assertThat(drafts.get(0).rows()).containsExactly(2, 3, 4);
        assertThat(drafts.get(0).request().emailerSteps()).hasSize(3);
        assertThat(drafts.get(1).rows()).containsExactly(5, 6);
        assertThat(drafts).allSatisfy(d -> assertThat(d.problems()).isEmpty());
        assertThat(warnings(file)).containsExactly("3 rows without a sequence name were read as steps of the sequence"
                + " above them, whose step numbers they continue (a name typed once, or merged cells saved as CSV):"
                + " rows 3-4 (\"Q1 Outbound\"); row 6 (\"Renewals\"). If a row starts another sequence, type its name"
                + " into it");
    }

    @Test
    void says_one_row_in_the_singular() throws IOException {
        Path file = TestInputs.write(dir, "one.csv", HEADER
                + "Q1 Outbound,team_can_use,1,auto_email,0,minute,Hello,Hi\r\n"
                + ",,2,auto_email,3,day,,Again\r\n");

        assertThat(warnings(file)).containsExactly("1 row without a sequence name was read as a step of the sequence"
                + " above it, whose step numbers it continues (a name typed once, or merged cells saved as CSV):"
                + " row 3 (\"Q1 Outbound\"). If a row starts another sequence, type its name into it");
    }

    @Test
    void reads_a_merged_sequence_name_saved_as_csv_like_the_workbook() throws IOException {
        Path file = TestInputs.copy("inputs/workbooks/merged-sequence-cells.csv", dir);

        List<SequenceDraft> drafts = TestInputs.drafts(file);

        assertThat(drafts.get(0).name()).isEqualTo("Q1 Outbound");
        assertThat(drafts.get(0).rows()).containsExactly(2, 3, 4);
        assertThat(drafts.get(0).problems()).isEmpty();
        assertThat(drafts.get(0).request().permissions()).isEqualTo("team_can_use");
        // the text LibreOffice hid in a covered cell is in the CSV: a sequence of its own, and no step 1
        assertThat(drafts).filteredOn(d -> "Renewals (old name)".equals(d.name())).singleElement()
                .satisfies(d -> assertThat(d.problems()).isNotEmpty());
    }

    @Test
    void reads_a_nameless_row_with_the_same_step_number_as_another_variant_of_that_step() throws IOException {
        Path file = TestInputs.write(dir, "variant.csv", HEADER
                + "Q1,team_can_use,1,auto_email,0,minute,Hello,Variant A\r\n"
                + ",,1,auto_email,0,minute,Hi there,Variant B\r\n");

        assertThat(TestInputs.drafts(file)).singleElement().satisfies(d -> assertThat(d.rows()).containsExactly(2, 3));
    }

    @Test
    void leaves_a_nameless_row_alone_when_anything_says_it_is_another_sequence() throws IOException {
        Path file = TestInputs.write(dir, "orphans.csv", HEADER
                + "Q1,team_can_use,1,auto_email,0,minute,Hello,Hi\r\n"
                // a sequence setting of its own: the start of another sequence whose name was forgotten
                + ",private,2,auto_email,3,day,,Again\r\n"
                + "Q2,team_can_use,1,auto_email,0,minute,Hello,Hi\r\n"
                + "Q2,,2,auto_email,2,day,,Again\r\n"
                // back to step 1: the start of another sequence
                + ",,1,auto_email,0,minute,New,Hi\r\n"
                + "Q3,team_can_use,1,auto_email,0,minute,Hello,Hi\r\n"
                // a step skipped
                + ",,3,auto_email,3,day,,Later\r\n"
                + "Q4,team_can_use,1,auto_email,0,minute,Hello,Hi\r\n"
                + "\r\n"
                // an empty row between
                + ",,2,auto_email,3,day,,After a gap\r\n");

        List<SequenceDraft> drafts = TestInputs.drafts(file);

        assertThat(drafts).filteredOn(d -> d.name() != null).extracting(SequenceDraft::rows)
                .containsExactly(List.of(2), List.of(4, 5), List.of(7), List.of(9));
        assertThat(drafts).filteredOn(d -> d.name() == null).hasSize(4);
        assertThat(warnings(file)).isEmpty();
    }

    @Test
    void leaves_a_row_whose_sequence_cell_shows_an_error_to_its_own_message() throws IOException {
        // #N/A is not an empty name: the row's own problem says what to fix
        Path file = TestWorkbooks.xlsx(dir, "errors.xlsx", workbook -> {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("Steps");
            TestWorkbooks.putRows(sheet, 1, new Object[] {"sequence", "step", "subject", "body"},
                    new Object[] {"Q1", 1, "Hello", "Hi"}, new Object[] {null, 2, null, "Again"});
            sheet.getRow(2).createCell(0).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.NA.getCode());
        });

        List<SequenceDraft> drafts = TestInputs.drafts(file);

        assertThat(drafts).filteredOn(d -> "Q1".equals(d.name())).singleElement()
                .satisfies(d -> assertThat(d.rows()).containsExactly(2));
        assertThat(drafts).filteredOn(d -> d.name() == null).singleElement()
                .satisfies(d -> assertThat(d.problems()).isNotEmpty());
    }

    @Test
    void leaves_nameless_rows_of_the_wide_layout_alone() throws IOException {
        Path file = TestInputs.write(dir, "wide.csv", "Sequence,Step 1 Subject,Step 1 Body,Step 2 Wait Days,Step 2 Body\r\n"
                + "Q1,Hello,Hi,3,Again\r\n"
                + ",Hello,Hi,2,Again\r\n");

        assertThat(TestInputs.drafts(file)).filteredOn(d -> d.name() == null).hasSize(1);
    }

    @Test
    void names_the_steps_sheet_in_the_warning_of_a_two_sheet_workbook() throws IOException {
        Path file = TestWorkbooks.xlsx(dir, "two-sheet.xlsx", workbook -> {
            TestWorkbooks.putRows(workbook.createSheet("Sequences"), 1, new Object[] {"sequence", "permissions"},
                    new Object[] {"Q1", "team_can_use"});
            TestWorkbooks.putRows(workbook.createSheet("Steps"), 1, new Object[] {"sequence", "step", "subject", "body"},
                    new Object[] {"Q1", 1, "Hello", "Hi"}, new Object[] {null, 2, null, "Again"});
        });

        assertThat(TestInputs.drafts(file)).singleElement().satisfies(d -> assertThat(d.problems()).isEmpty());
        assertThat(warnings(file)).singleElement().asString().contains("Steps row 3 (\"Q1\")");
    }

    private static List<String> warnings(Path file) throws IOException {
        try (SpooledInput input = TestInputs.spool(file)) {
            return input.warnings();
        }
    }
}
