package io.apolloroutes.sync;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SyncPropertiesTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void has_no_sources_by_default() {
        SyncProperties sync = bind(Map.of());

        assertThat(sync.sources()).isEmpty();
        assertThat(problems(sync)).isEmpty();
    }

    @Test
    void accepts_a_published_sheet_with_a_quartz_cron() {
        SyncProperties sync = bind(Map.of("sync.sources.plan.url", "https://docs.google.com/spreadsheets/d/e/K/pub?output=csv",
                "sync.sources.plan.cron", "0 0/10 * * * ?"));

        assertThat(sync.sources()).containsOnlyKeys("plan");
        assertThat(problems(sync)).isEmpty();
    }

    @Test
    void refuses_a_cron_quartz_cannot_read_and_an_address_that_is_not_http() {
        SyncProperties sync = bind(Map.of("sync.sources.plan.url", "file:///etc/passwd",
                "sync.sources.plan.cron", "*/10 * * * *"));

        assertThat(problems(sync)).containsExactlyInAnyOrder("a sync source's url must be http or https",
                "a sync source's cron is not a Quartz cron (seconds minutes hours day month weekday, e.g. 0 0/15 * * * ?)");
    }

    @Test
    void refuses_a_source_without_a_location_and_names_that_are_not_plain() {
        SyncProperties sync = bind(Map.of("sync.sources[q4/plan].cron", "0 0 8 * * ?"));

        assertThat(problems(sync)).contains("sync.sources names may hold only letters, digits, '-' and '_'",
                "each sync source needs either a url or a google.spreadsheet-id, not both");
    }

    @Test
    void reads_a_google_sheet_from_row_one_of_sheet1_unless_told_otherwise() {
        SyncProperties sync = bind(Map.of("sync.sources.plan.cron", "0 0/10 * * * ?",
                "sync.sources.plan.google.spreadsheet-id", "1xQ4Plan",
                "sync.sources.plan.google.service-account-key-file", "/etc/apollo-routes/google/sa.json"));

        SyncProperties.GoogleSheet sheet = sync.sources().get("plan").google();
        assertThat(sheet.sheet()).isEqualTo("Sheet1");
        assertThat(sheet.columns()).isEqualTo("A:ZZ");
        assertThat(sheet.headerRow()).isEqualTo(1);
        assertThat(problems(sync)).isEmpty();
    }

    @Test
    void refuses_a_source_with_both_a_url_and_a_google_sheet_and_columns_that_are_not_a_span() {
        SyncProperties sync = bind(Map.of("sync.sources.plan.cron", "0 0/10 * * * ?",
                "sync.sources.plan.url", "https://example.test/plan.csv",
                "sync.sources.plan.google.spreadsheet-id", "1xQ4Plan",
                "sync.sources.plan.google.columns", "A1:H20",
                "sync.sources.plan.google.service-account-key-file", "/etc/apollo-routes/google/sa.json"));

        assertThat(problems(sync)).containsExactlyInAnyOrder(
                "each sync source needs either a url or a google.spreadsheet-id, not both",
                "a google sheet's columns are two column letters, such as A:H");
    }

    private static SyncProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("sync", SyncProperties.class);
    }

    private static Set<String> problems(SyncProperties sync) {
        return VALIDATOR.validate(sync).stream().map(ConstraintViolation::getMessage).collect(Collectors.toSet());
    }
}
