package io.apolloroutes.references;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"6095a710bd01d100a506d4af", "6095A710BD01D100A506D4AF", " 6095a710bd01d100a506d4af "})
    void reads_24_hex_characters_as_an_id(String value) {
        assertThat(ReferenceText.isId(value)).isTrue();
        assertThat(ReferenceText.isMistypedId(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6095a710bd01d100a506d4a", "6095a710bd01d100a506d4aff", "6095a710bd01d100"})
    void reads_a_long_run_of_hex_with_a_digit_as_a_mistyped_id(String value) {
        assertThat(ReferenceText.isId(value)).isFalse();
        assertThat(ReferenceText.isMistypedId(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Weekday mornings", "2026", "Q1Outbound2026Americas", "deadbeefcafebabeface",
            "6095a710bd01d10", "6095a710-bd01-d100-a506-d4af", "jane@example.com"})
    void reads_anything_else_as_a_name(String value) {
        assertThat(ReferenceText.isId(value)).isFalse();
        assertThat(ReferenceText.isMistypedId(value)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"jane@example.com, true", "' Jane@Example.com ', true", "jane, false", "@example.com, false",
            "jane@, false", "jane doe@example.com, false"})
    void knows_an_email_address_by_its_shape(String value, boolean email) {
        assertThat(ReferenceText.isEmail(value)).isEqualTo(email);
    }

    @ParameterizedTest
    @CsvSource({"'Weekday Mornings', 'weekday mornings'", "'  Weekday \t mornings ', 'weekday mornings'",
            "'ÉTÉ', 'été'"})
    void compares_names_as_a_person_does(String written, String key) {
        assertThat(ReferenceText.key(written)).isEqualTo(key);
    }

    @Test
    void no_break_spaces_from_pasted_cells_count_as_spaces() {
        assertThat(ReferenceText.key("Weekday\u00A0mornings\u00A0")).isEqualTo("weekday mornings");
        assertThat(ReferenceText.isId("6095a710bd01d100a506d4af\u00A0")).isTrue();
        assertThat(ReferenceText.trimmed("\u202F6095a710bd01d100a506d4af\u00A0")).isEqualTo("6095a710bd01d100a506d4af");
    }
}
