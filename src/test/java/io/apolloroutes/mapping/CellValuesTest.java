package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apolloroutes.support.RandomText;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellValuesTest {

    // ---- booleans ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "yes", "Yes", "YES", "y", "Y", "1", " yes "})
    void reads_true_from_the_ways_people_write_it(String raw) {
        assertThat(CellValues.bool(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False", "no", "No", "NO", "n", "N", "0", "\tno\t"})
    void reads_false_from_the_ways_people_write_it(String raw) {
        assertThat(CellValues.bool(raw)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "on", "off", "2", "t", "yess", "-1"})
    void rejects_other_booleans_saying_what_is_expected(String raw) {
        assertThatThrownBy(() -> CellValues.bool(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be true or false (yes/no, y/n and 1/0 work too)");
    }

    // ---- integers ------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3|3",
            "3.0|3",
            "3.00|3",
            "3,0|3",
            "3,00|3",
            "3.0000|3",
            "0.000|0",
            "+3|3",
            "-2|-2",
            "0|0",
            "' 7 '|7",
            "-0|0",
            "00000000000000000000000003|3",
            "2147483647|2147483647",
            "-2147483648|-2147483648"})
    void reads_whole_numbers_including_spreadsheet_decimals_and_signs(String raw, int expected) {
        assertThat(CellValues.integer(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5", "3.01", "three", "3 days", "1,5", "1.5000", "1,000.00", "", ".", "+", "-", "3.", ".0", "+-3", "1e3",
            "3.0.0", "\u0663", "99999999999.5"})
    void rejects_values_that_are_not_whole_numbers(String raw) {
        assertThatThrownBy(() -> CellValues.integer(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be a whole number");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.500|1500", "1,250|1250", "1.000.000|1000000", "-2,500|-2500"})
    void says_what_to_write_for_a_number_with_a_thousands_separator(String raw, String digits) {
        assertThatThrownBy(() -> CellValues.integer(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be a whole number; if it means " + digits + ", write it with digits only");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.000|1|1000|.", "2,000|2|2000|,", "-5.000|-5|-5000|."})
    void refuses_three_zeros_after_a_separator_as_they_may_be_thousands(String raw, int small, int large, char separator) {
        // German Excel writes 1000 formatted with a thousands separator as "1.000" in its CSV
        assertThatThrownBy(() -> CellValues.integer(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("could be " + small + " or " + large + " (is \"" + separator + "\" a decimal or a thousands"
                        + " separator?); write the number with digits only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "99999999999", "99999999999.0", "-2147483649", "+2147483648",
            "123456789012345678901234567890"})
    void rejects_numbers_too_large_for_an_integer(String raw) {
        assertThatThrownBy(() -> CellValues.integer(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("is too large (at most 2147483647)");
    }

    // ---- lists ---------------------------------------------------------------------------------

    @Test
    void splits_lists_on_semicolons() {
        assertThat(CellValues.list("Inbound;Q1;VP Sales")).containsExactly("Inbound", "Q1", "VP Sales");
    }

    @Test
    void splits_lists_on_pipes_and_semicolons_alike() {
        assertThat(CellValues.list("Inbound|Q1;VP Sales")).containsExactly("Inbound", "Q1", "VP Sales");
    }

    @Test
    void trims_list_entries_and_keeps_inner_spaces() {
        assertThat(CellValues.list("  Inbound ;  VP Sales |Q1 ")).containsExactly("Inbound", "VP Sales", "Q1");
    }

    @Test
    void drops_empty_list_entries() {
        assertThat(CellValues.list(";Inbound;; ;|Q1|")).containsExactly("Inbound", "Q1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ";", " ; | ;"})
    void gives_null_for_a_list_with_nothing_in_it(String raw) {
        assertThat(CellValues.list(raw)).isNull();
    }

    @Test
    void keeps_a_single_value_as_a_one_element_list() {
        assertThat(CellValues.list("Inbound")).containsExactly("Inbound");
    }

    // ---- codes ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"auto_email", "Auto Email", "auto-email", "AUTO EMAIL", " Auto  Email ", "Auto - Email"})
    void normalises_loosely_written_codes(String raw) {
        assertThat(CellValues.code(raw)).isEqualTo("auto_email");
    }

    @Test
    void normalises_multi_word_codes() {
        assertThat(CellValues.code("Team Can Use")).isEqualTo("team_can_use");
        assertThat(CellValues.code("reply-to-thread")).isEqualTo("reply_to_thread");
    }

    @Test
    void joins_only_hyphens_and_ascii_whitespace_into_underscores() {
        assertThat(CellValues.code("-Auto-")).isEqualTo("_auto_");
        assertThat(CellValues.code("auto\u000B\f\r\nemail")).isEqualTo("auto_email");
        assertThat(CellValues.code("Auto\u00A0Email")).isEqualTo("auto\u00A0email");
    }

    @Test
    void leaves_unknown_codes_for_validation_to_reject() {
        assertThat(CellValues.code("Carrier Pigeon")).isEqualTo("carrier_pigeon");
    }

    // ---- wait modes ----------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "days, day",
            "Days, day",
            "day, day",
            "hours, hour",
            "Hours, hour",
            "hrs, hour",
            "hr, hour",
            "hour, hour",
            "minutes, minute",
            "MINUTES, minute",
            "mins, minute",
            "min, minute",
            "minute, minute",
            "H, hour",
            "d, day"})
    void reads_plural_and_short_wait_modes_as_the_singular_apollo_expects(String raw, String expected) {
        assertThat(CellValues.waitMode(raw)).isEqualTo(expected);
    }

    @Test
    void leaves_unknown_wait_modes_for_validation_to_reject() {
        assertThat(CellValues.waitMode("Weeks")).isEqualTo("weeks");
        // Apollo has no weeks, and one letter m could be months as well as minutes
        assertThat(CellValues.waitMode("w")).isEqualTo("w");
        assertThat(CellValues.waitMode("m")).isEqualTo("m");
    }

    // ---- text ----------------------------------------------------------------------------------

    @Test
    void trims_text() {
        assertThat(CellValues.text("  6095a711bd01d100a506d4ac \t")).isEqualTo("6095a711bd01d100a506d4ac");
    }

    // ---- against the patterns these used to be read with ---------------------------------------

    @Test
    void reads_random_cells_as_the_patterns_did() {
        for (String raw : RandomText.strings(11, 50_000, "+-.,0019 ;|aA_\t\u000B\u00A0\u2003\u0663", 0, 11)) {
            assertThat(outcome(CellValues::integer, raw)).as(raw).isEqualTo(outcome(CellValuesTest::integerByPattern, raw));
            assertThat(CellValues.code(raw)).as(raw).isEqualTo(WAS_CODE_SEPARATORS.matcher(
                    raw.strip().toLowerCase(Locale.ROOT)).replaceAll("_"));
            assertThat(CellValues.list(raw)).as(raw).isEqualTo(listByPattern(raw));
        }
    }

    private static final Pattern WAS_WHOLE_NUMBER = Pattern.compile("[+-]?\\d+([.,]0+)?");
    private static final Pattern THOUSANDS_OR_DECIMALS = Pattern.compile("([+-]?)0*([1-9]\\d*)[.,]000");
    private static final Pattern WAS_LIST_SEPARATOR = Pattern.compile("[;|]");
    private static final Pattern WAS_CODE_SEPARATORS = Pattern.compile("[\\s\\-]+");

    private static Object outcome(Function<String, Integer> read, String raw) {
        try {
            return read.apply(raw);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Integer integerByPattern(String raw) {
        String value = raw.strip();
        if (!WAS_WHOLE_NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException(value.matches("[+-]?\\d{1,3}([.,])\\d{3}(\\1\\d{3})*")
                    ? "must be a whole number; if it means " + value.replaceAll("[.,]", "") + ", write it with digits only"
                    : "must be a whole number");
        }
        int dot = Math.max(value.indexOf('.'), value.indexOf(','));
        Integer whole;
        try {
            whole = Integer.valueOf(dot < 0 ? value : value.substring(0, dot));
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("is too large (at most " + Integer.MAX_VALUE + ")");
        }
        java.util.regex.Matcher ambiguous = THOUSANDS_OR_DECIMALS.matcher(value);
        if (ambiguous.matches()) {
            long magnitude = Long.parseLong(ambiguous.group(2)) * (ambiguous.group(1).equals("-") ? -1 : 1);
            throw new IllegalArgumentException("could be " + magnitude + " or " + magnitude * 1000 + " (is \""
                    + value.charAt(dot) + "\" a decimal or a thousands separator?); write the number with digits only");
        }
        return whole;
    }

    private static List<String> listByPattern(String raw) {
        List<String> values = Arrays.stream(WAS_LIST_SEPARATOR.split(raw)).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return values.isEmpty() ? null : values;
    }
}
