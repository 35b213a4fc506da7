package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputFileTest {

    @ParameterizedTest
    @CsvSource({"short.csv, short.csv", "a.csv, a.csv"})
    void keeps_normal_file_names(String name, String stored) {
        assertThat(InputFile.storedName(name)).isEqualTo(stored);
    }

    @Test
    void shortens_very_long_file_names_keeping_the_extension() {
        String stored = InputFile.storedName("q".repeat(236) + ".csv");

        assertThat(stored).hasSize(InputFile.MAX_STORED_NAME).endsWith("~.csv").startsWith("qqqq");
    }
}
