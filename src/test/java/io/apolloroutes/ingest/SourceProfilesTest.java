package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.apolloroutes.support.TestInputs;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** A source's settings: input.* defaults, overridden by the source's mapping file, checked at startup. */
class SourceProfilesTest {

    @TempDir
    Path dir;

    /** What application.properties ships with. */
    private static final InputProperties SHIPPED = new InputProperties("auto", "auto", "", ZoneId.of("UTC"),
            BodyFormat.AUTO, DataSize.ofMegabytes(512), 1_000_000, 100_000);

    // ---- a mapping file ------------------------------------------------------------------------

    @Test
    void loads_renames_from_the_columns_entry_as_written() {
        SourceProfile profile = profileOf("mappings/partner-export.yaml");

        assertThat(profile.name()).isEqualTo("inbox");
        assertThat(profile.renames()).containsOnly(
                entry("Campaign", "sequence"),
                entry("Touch #", "step"),
                entry("Delay (days)", "wait_time"),
                entry("Email Subject", "subject"),
                entry("Email Copy", "body"),
                entry("Copy format", "body_format"),
                entry("Sequence owner", "owner_id"));
    }

    @Test
    void loads_constants_as_cell_text_by_column_joining_a_list_with_semicolons() {
        SourceProfile profile = profileOf("mappings/partner-export.yaml");

        assertThat(profile.constants()).containsOnly(
                entry(Column.SCHEDULE_ID, "6095a710bd01d100a506d4af"),
                entry(Column.OWNER_ID, "60c1f2e3d4b5a69788796a5b"),
                entry(Column.LABELS, "Partners; Q3 2026; DACH"),
                entry(Column.PERMISSIONS, "team_can_use"),
                entry(Column.MAX_EMAILS_PER_DAY, "40"),
                entry(Column.MARK_FINISHED_IF_REPLY, "true"),
                entry(Column.ACTIVE, "false"));
    }

    @Test
    void accepts_constants_under_apollo_json_names_and_loose_spellings() {
        SourceProfile profile = profile("""
                constants:
                  emailer_schedule_id: 6095a710bd01d100a506d4af
                  Label Names: Renewals
                  Max-Emails-Per-Day: 25
                """);

        assertThat(profile.constants()).containsOnly(
                entry(Column.SCHEDULE_ID, "6095a710bd01d100a506d4af"),
                entry(Column.LABELS, "Renewals"),
                entry(Column.MAX_EMAILS_PER_DAY, "25"));
    }

    @Test
    void loads_the_body_format_of_the_source() {
        assertThat(profileOf("mappings/partner-export.yaml").bodyFormat()).isEqualTo(BodyFormat.MARKDOWN);
        assertThat(profile("body_format: HTML\n").bodyFormat()).isEqualTo(BodyFormat.HTML);
        assertThat(profile("body_format: text\n").bodyFormat()).isEqualTo(BodyFormat.TEXT);
    }

    @Test
    void reads_files_as_the_read_entry_says_instead_of_the_input_settings() {
        ReadOptions read = profileOf("mappings/partner-export.yaml").read();

        assertThat(read.encoding()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(read.delimiter()).isEqualTo(';');
        assertThat(read.sheet()).isEqualTo("Campaigns");
        assertThat(read.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void overrides_only_the_read_settings_the_mapping_file_gives() {
        InputProperties input = new InputProperties("windows-1252", "|", "Sequences", ZoneId.of("America/New_York"),
                BodyFormat.TEXT, DataSize.ofMegabytes(10), 500, 2_000);

        SourceProfile profile = new SourceProfiles(input).profile("events", copy("mappings/tab-export.yaml"));

        assertThat(profile.read().encoding()).isEqualTo(StandardCharsets.UTF_16);
        assertThat(profile.read().delimiter()).isEqualTo('\t');
        assertThat(profile.read().sheet()).isEqualTo("Sequences");
        assertThat(profile.read().timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(profile.bodyFormat()).isEqualTo(BodyFormat.TEXT);
        assertThat(profile.constants()).isEmpty();
    }

    @Test
    void takes_the_limits_from_the_input_settings_even_with_a_mapping_file() {
        InputProperties input = new InputProperties("auto", "auto", "", ZoneId.of("UTC"), BodyFormat.AUTO,
                DataSize.ofKilobytes(64), 250, 1_000);

        SourceProfile profile = new SourceProfiles(input).profile("inbox", copy("mappings/partner-export.yaml"));

        assertThat(profile.read().limits()).isEqualTo(new InputLimits(64 * 1024, 250, 1_000));
    }

    @Test
    void lets_a_mapping_file_switch_a_fixed_input_setting_back_to_detection() {
        InputProperties input = new InputProperties("windows-1252", ";", "", ZoneId.of("UTC"), BodyFormat.AUTO,
                DataSize.ofMegabytes(512), 1_000_000, 100_000);

        SourceProfile profile = new SourceProfiles(input).profile("inbox", write("""
                read:
                  encoding: auto
                  delimiter: AUTO
                """));

        assertThat(profile.read().encoding()).isNull();
        assertThat(profile.read().delimiter()).isNull();
    }

    static Stream<Arguments> delimiters() {
        return Stream.of(
                Arguments.of("tab", '\t'),
                Arguments.of("TAB", '\t'),
                Arguments.of("\"\\t\"", '\t'),
                Arguments.of("'\\t'", '\t'),
                Arguments.of("';'", ';'),
                Arguments.of("\",\"", ','),
                Arguments.of("\"|\"", '|'));
    }

    @ParameterizedTest(name = "delimiter: {0}")
    @MethodSource("delimiters")
    void accepts_each_delimiter_the_readers_know(String written, char expected) {
        SourceProfile profile = profile("read:\n  delimiter: " + written + "\n");

        assertThat(profile.read().delimiter()).isEqualTo(expected);
    }

    @Test
    void treats_an_empty_sheet_as_the_first_sheet() {
        assertThat(profile("read:\n  sheet: \"  \"\n").read().sheet()).isNull();
        assertThat(profile("read:\n  sheet: \" Campaigns \"\n").read().sheet()).isEqualTo("Campaigns");
    }

    // ---- no mapping file -----------------------------------------------------------------------

    @Test
    void without_a_mapping_file_uses_the_input_settings() {
        InputProperties input = new InputProperties("UTF-16", "tab", "Sequences", ZoneId.of("Europe/Paris"),
                BodyFormat.MARKDOWN, DataSize.ofMegabytes(1), 100, 5_000);

        SourceProfile profile = new SourceProfiles(input).profile("inbox", null);

        assertThat(profile.read()).isEqualTo(new ReadOptions(StandardCharsets.UTF_16, '\t', "Sequences",
                ZoneId.of("Europe/Paris"), new InputLimits(1024 * 1024, 100, 5_000)));
        assertThat(profile.bodyFormat()).isEqualTo(BodyFormat.MARKDOWN);
        assertThat(profile.renames()).isEmpty();
        assertThat(profile.constants()).isEmpty();
    }

    @Test
    void the_shipped_input_settings_detect_everything_like_the_defaults() {
        SourceProfile profile = new SourceProfiles(SHIPPED).profile("inbox", null);

        assertThat(profile).isEqualTo(SourceProfile.defaults("inbox"));
    }

    @Test
    void a_mapping_file_without_entries_changes_nothing() {
        assertThat(profile("{}\n")).isEqualTo(SourceProfile.defaults("inbox"));
    }

    @Test
    void an_empty_or_fully_commented_out_mapping_file_changes_nothing() {
        assertThat(profile("")).isEqualTo(SourceProfile.defaults("inbox"));
        assertThat(profile("---\n")).isEqualTo(SourceProfile.defaults("inbox"));
        assertThat(profile("""
                # columns:
                #   Campaign: sequence
                """)).isEqualTo(SourceProfile.defaults("inbox"));
    }

    // ---- mistakes stop the service with a message naming the file and the entry ---------------

    @Test
    void refuses_a_mapping_file_that_does_not_exist() {
        Path missing = dir.resolve("mappings").resolve("partner-exprot.yaml");

        assertThatThrownBy(() -> new SourceProfiles(SHIPPED).profile("inbox", missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + missing.toAbsolutePath() + " does not exist");
    }

    @Test
    void refuses_a_mapping_file_that_is_not_valid_yaml() {
        Path file = write("""
                columns:
                  Campaign: sequence
                   Email Subject: subject
                """);

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("mapping file " + file + " is not valid YAML: line 3, column ")
                .hasMessageNotContaining("[Source");
    }

    @Test
    void refuses_a_mapping_file_that_is_a_list_instead_of_entries() {
        Path file = write("""
                - Campaign: sequence
                - Email Subject: subject
                """);

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("mapping file " + file + " is not valid YAML");
    }

    @Test
    void names_a_misspelt_top_level_entry_and_lists_the_entries_there_are() {
        Path file = write("""
                columns:
                  Campaign: sequence
                constant:
                  schedule_id: 6095a710bd01d100a506d4af
                """);

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": unknown entry 'constant'; the file may have columns,"
                        + " constants, body_format and read (encoding, delimiter, sheet, time_zone)");
    }

    @Test
    void names_a_misspelt_read_entry() {
        Path file = write("""
                read:
                  timezone: Europe/Berlin
                """);

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("mapping file " + file + ": unknown entry 'timezone'");
    }

    @Test
    void refuses_a_limit_in_the_read_entry_since_limits_are_the_same_for_every_source() {
        Path file = write("""
                read:
                  max_cell_length: 500
                """);

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown entry 'max_cell_length'");
    }

    @Test
    void refuses_a_rename_to_a_column_the_pack_does_not_know() {
        Path file = write("""
                columns:
                  Campaign: campaign_name
                """);

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": columns: 'Campaign' is mapped to 'campaign_name', which is"
                        + " not a column the pack knows (see the README's column tables)");
    }

    @Test
    void refuses_a_rename_with_no_target() {
        Path file = write("""
                columns:
                  Campaign:
                """);

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("mapping file " + file + ": columns: 'Campaign' is mapped to")
                .hasMessageContaining("not a column the pack knows");
    }

    @Test
    void refuses_a_header_renamed_twice_instead_of_keeping_the_last_rename() {
        Path file = write("""
                columns:
                  Campaign: sequence
                  Email Copy: body
                  Campaign: labels
                """);

        assertThatThrownBy(() -> new SourceProfiles(SHIPPED).profile("inbox", file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ", line 4: 'Campaign' is written twice in one entry, so only one"
                        + " of the two would count; keep one of them");
    }

    @Test
    void refuses_a_part_of_the_mapping_file_written_twice() {
        Path file = write("""
                columns:
                  Campaign: sequence
                constants:
                  permissions: private
                columns:
                  Email Copy: body
                """);

        assertThatThrownBy(() -> new SourceProfiles(SHIPPED).profile("inbox", file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("mapping file " + file + ", line 5: 'columns' is written twice");
    }

    @Test
    void refuses_two_spellings_of_one_header_with_their_own_renames() {
        Path file = write("""
                columns:
                  Email Copy: body
                  email_copy: subject
                """);

        assertThatThrownBy(() -> new SourceProfiles(SHIPPED).profile("inbox", file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": columns: 'Email Copy' and 'email_copy' are the same header"
                        + " (case, spaces, hyphens and underscores do not matter), renamed twice; keep one of them");
    }

    @Test
    void refuses_two_constants_for_one_setting_instead_of_keeping_the_last() {
        Path file = write("""
                constants:
                  schedule: Weekday mornings
                  emailer_schedule_id: 6095a710bd01d100a506d4af
                """);

        assertThatThrownBy(() -> new SourceProfiles(SHIPPED).profile("inbox", file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": constants: 'schedule' and 'emailer_schedule_id' both set"
                        + " schedule_id; keep one of them");
    }

    @Test
    void refuses_a_constant_written_twice() {
        Path file = write("""
                constants:
                  permissions: private
                  permissions: team_can_use
                """);

        assertThatThrownBy(() -> new SourceProfiles(SHIPPED).profile("inbox", file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("mapping file " + file + ", line 3: 'permissions' is written twice");
    }

    @Test
    void refuses_a_constant_for_a_column_the_pack_does_not_know() {
        Path file = write("""
                constants:
                  timetable: 6095a710bd01d100a506d4af
                """);

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": constants: 'timetable' is not a column the pack knows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wait_mode: day", "subject: Quick question", "body_format: markdown", "step: 1",
            "include_signature: false"})
    void refuses_a_constant_for_a_step_or_email_column(String constant) {
        Path file = write("constants:\n  " + constant + "\n");
        String key = constant.substring(0, constant.indexOf(':'));

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": constants: '" + key + "' is a step or email column;"
                        + " constants set sequence settings (schedule_id, owner_id, labels, permissions, ...)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequence", "name", "Sequence Name"})
    void refuses_a_constant_sequence_name_which_no_sequence_would_get(String key) {
        Path file = write("constants:\n  " + key + ": Partner outreach\n");

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": constants: '" + key + "' is the sequence name, which each row"
                        + " gives; constants set sequence settings (schedule_id, owner_id, labels, permissions, ...)");
    }

    @Test
    void refuses_a_constant_without_a_value() {
        Path file = write("""
                constants:
                  owner_id:
                """);

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": constants: 'owner_id' needs a value (text, number,"
                        + " true/false, or a list for labels)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[Partner, [Q3, Q4]]", "[Partner, {quarter: Q3}]", "[Partner, ~]"})
    void refuses_a_list_constant_with_an_item_that_is_not_one_text(String labels) {
        Path file = write("constants:\n  labels: " + labels + "\n");

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": constants: 'labels' has a list item that is empty, a list or a"
                        + " set of entries; write each item as one text, like labels: [Partner, Q3]");
    }

    @Test
    void refuses_a_constant_whose_value_is_a_set_of_entries() {
        Path file = write("""
                constants:
                  labels:
                    quarter: Q3
                    region: DACH
                """);

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("mapping file " + file + ": constants: 'labels' needs a value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"':'", "semicolon", "';;'", "' '"})
    void refuses_a_delimiter_the_readers_do_not_know(String delimiter) {
        Path file = write("read:\n  delimiter: " + delimiter + "\n");

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("mapping file " + file + ": delimiter '")
                .hasMessageEndingWith("' must be auto, \",\", \";\", \"|\" or tab");
    }

    @Test
    void refuses_a_bad_delimiter_in_the_input_settings_naming_them() {
        InputProperties input = new InputProperties("auto", "colon", "", ZoneId.of("UTC"), BodyFormat.AUTO,
                DataSize.ofMegabytes(512), 1_000_000, 100_000);

        assertThatThrownBy(() -> new SourceProfiles(input).profile("inbox", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("input.*: delimiter 'colon' must be auto, \",\", \";\", \"|\" or tab");
    }

    @ParameterizedTest
    @ValueSource(strings = {"latin-9000", "utf 8", "ANSI"})
    void refuses_an_encoding_java_does_not_know(String encoding) {
        Path file = write("read:\n  encoding: " + encoding + "\n");

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": encoding '" + encoding + "' is not one this Java knows;"
                        + " use auto, UTF-8, UTF-16 or windows-1252");
    }

    @Test
    void refuses_a_bad_encoding_in_the_input_settings_naming_them() {
        InputProperties input = new InputProperties("cp-what", "auto", "", ZoneId.of("UTC"), BodyFormat.AUTO,
                DataSize.ofMegabytes(512), 1_000_000, 100_000);

        assertThatThrownBy(() -> new SourceProfiles(input).profile("inbox", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("input.*: encoding 'cp-what'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Berlin", "CEST", "Europe/Berln", "UTC+25"})
    void refuses_a_time_zone_java_does_not_know(String zone) {
        Path file = write("read:\n  time_zone: " + zone + "\n");

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": time_zone '" + zone + "' is not a time zone such as UTC or"
                        + " Europe/Berlin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rich text", "md", "plain"})
    void refuses_a_body_format_that_is_not_one_of_the_four(String format) {
        Path file = write("body_format: " + format + "\n");

        assertThatThrownBy(() -> profileAt(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mapping file " + file + ": body_format '" + format + "' is not one of auto, html,"
                        + " text, markdown");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private SourceProfile profileOf(String resource) {
        return profileAt(copy(resource));
    }

    private SourceProfile profile(String yaml) {
        return profileAt(write(yaml));
    }

    private static SourceProfile profileAt(Path mapping) {
        return new SourceProfiles(SHIPPED).profile("inbox", mapping);
    }

    private Path copy(String resource) {
        return TestInputs.copy(resource, dir);
    }

    private Path write(String yaml) {
        return TestInputs.write(dir, "mapping.yaml", yaml);
    }
}
