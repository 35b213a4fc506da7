package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.ingest.UnreadableInputException;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step rows whose wait column names its unit ("Wait Days"), as the wide layout's "Step 2 Wait Days" does. */
class WaitUnitHeadersTest {

    @TempDir
    Path dir;

    @Test
    void reads_a_wait_days_column_as_the_wait_and_its_unit() throws IOException {
        Path file = TestInputs.write(dir, "days.csv", """
                Sequence,Step,Wait Days,Subject,Body
                Q1,1,0,Hello,Hi
                Q1,2,3,,Again
                """);

        SequenceDraft draft = only(TestInputs.drafts(file));

        assertThat(draft.problems()).isEmpty();
        assertThat(draft.request().emailerSteps()).extracting(EmailerStep::waitTime, EmailerStep::waitMode)
                .containsExactly(tuple(0, "day"), tuple(3, "day"));
    }

    @Test
    void reads_hours_and_minutes_and_names_the_users_header_in_a_message() throws IOException {
        Path file = TestInputs.write(dir, "hours.csv", """
                Sequence,Step,wait_hours,Subject,Body
                Q1,1,0,Hello,Hi
                Q1,2,two,,Again
                """);

        SequenceDraft draft = only(TestInputs.drafts(file));

        assertThat(draft.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("wait_hours");
            assertThat(problem.message()).isEqualTo("must be a whole number");
        });
        Path minutes = TestInputs.write(dir, "minutes.csv", "Sequence,Step,Wait Minutes,Subject,Body\nQ1,1,30,Hello,Hi\n");
        assertThat(only(TestInputs.drafts(minutes)).request().emailerSteps())
                .extracting(EmailerStep::waitTime, EmailerStep::waitMode).containsExactly(tuple(30, "minute"));
    }

    @Test
    void tells_a_wait_written_with_its_unit_what_to_write_under_a_header_that_names_the_unit() throws IOException {
        Path file = TestInputs.write(dir, "units.csv", """
                Sequence,Step,Wait Days,Subject,Body
                Q1,1,0,Hello,Hi
                Q1,2,3 days,,Again
                """);
        Path wide = TestInputs.write(dir, "wide.csv", "Sequence,Step 1 Subject,Step 1 Body,Step 2 Wait Hours,Step 2 Body\n"
                + "Q1,Hello,Hi,1 week,Again\n");

        assertThat(only(TestInputs.drafts(file)).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("Wait Days");
            assertThat(problem.message()).isEqualTo("must be a whole number of days, as the column counts days: write 3");
        });
        assertThat(only(TestInputs.drafts(wide)).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("Step 2 Wait Hours");
            assertThat(problem.message()).isEqualTo("must be a whole number of hours, as the column counts hours: write 168");
        });
    }

    @Test
    void tells_a_wait_written_with_its_unit_what_to_write_beside_a_wait_mode_column() throws IOException {
        Path file = TestInputs.write(dir, "mode.csv", """
                Sequence,Step,wait_time,wait_mode,Subject,Body
                Q1,1,0,minute,Hello,Hi
                Q1,2,3 days,,,Again
                Q1,3,2 days,hour,,Once more
                """);
        Path noMode = TestInputs.write(dir, "no-mode.csv", "Sequence,Step,wait_time,Subject,Body\nQ1,1,0,Hi,Hi\n"
                + "Q1,2,3 days,,Again\n");
        Path days = TestInputs.write(dir, "days.csv", "Sequence,Step,day,wait_time,Subject,Body\nQ1,1,0,,Hi,Hi\n"
                + "Q1,2,3,3 days,,Again\n");

        assertThat(only(TestInputs.drafts(file)).problems()).extracting(Problem::message).contains(
                "must be a whole number; write 3 here and day in \"wait_mode\"",
                "must be a whole number of hours, as \"wait_mode\" says hour: write 48");
        assertThat(only(TestInputs.drafts(noMode)).problems()).extracting(Problem::message)
                .contains("must be a whole number; write 3 here and day in a new column wait_mode");
        // with the day column, wait_time has no unit of its own to be told about
        assertThat(only(TestInputs.drafts(days)).problems()).extracting(Problem::message)
                .contains("must be a whole number").noneMatch(message -> message.contains("wait_mode"));
    }

    @Test
    void refuses_a_header_that_gives_the_unit_twice() {
        Path file = TestInputs.write(dir, "both.csv", "Sequence,Step,Wait Days,Wait Mode,Body\nQ1,1,0,minute,Hi\n");

        assertThatThrownBy(() -> TestInputs.spool(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("columns 3 (\"Wait Days\") and 4 (\"Wait Mode\") both give the wait's unit; keep one of"
                        + " them (a wait_time column with wait_mode, or \"Wait Days\" alone)");
    }

    @Test
    void reads_wait_keys_of_flat_json_rows_that_name_their_unit() throws IOException {
        Path file = TestInputs.write(dir, "rows.json", """
                [{"sequence": "Q1", "step": 1, "waitDays": 0, "subject": "Hello", "body": "Hi"},
                 {"sequence": "Q1", "step": 2, "waitDays": 2, "body": "Again"},
                 {"sequence": "Q2", "step": 1, "wait_hours": 1, "wait_mode": "minute", "subject": "Hi", "body": "Hi"}]
                """);

        List<SequenceDraft> drafts = TestInputs.drafts(file);

        assertThat(drafts.get(0).problems()).isEmpty();
        assertThat(drafts.get(0).request().emailerSteps()).extracting(EmailerStep::waitTime, EmailerStep::waitMode)
                .containsExactly(tuple(0, "day"), tuple(2, "day"));
        assertThat(drafts.get(1).problems()).singleElement().satisfies(problem ->
                assertThat(problem.message()).startsWith("means the same column as \"wait_hours\" (wait_mode)"));
    }

    private static SequenceDraft only(List<SequenceDraft> drafts) {
        assertThat(drafts).hasSize(1);
        return drafts.get(0);
    }
}
