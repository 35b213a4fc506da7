package io.apolloroutes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A dry run of an input with more sequences than {@code outbox.max-files}: one requests.jsonl. */
@TestPropertySource(properties = {"apollo.api-key=", "apollo.base-url=http://localhost:9", "outbox.max-files=1"})
class JsonLinesOutboxTest extends PipelineTestSupport {

    @Test
    void writes_one_request_per_line_in_file_order_when_an_input_has_more_sequences_than_max_files()
            throws IOException {
        dropAs("samples/quick-start.csv", "many.csv");

        JsonNode report = awaitReport("many.csv");

        Path outbox = outboxOf("many.csv").orElseThrow();
        assertThat(filesUnder(outbox)).extracting(p -> p.getFileName().toString()).containsExactly("requests.jsonl");
        List<String> lines = Files.readAllLines(outbox.resolve("requests.jsonl"));
        assertThat(lines).hasSize(2);
        assertSameJson(TestInputs.MAPPER.readTree(lines.get(0)), "expected/quick-start/001-q1-outbound-vp-sales.json");
        assertSameJson(TestInputs.MAPPER.readTree(lines.get(1)),
                "expected/quick-start/003-customer-expansion-enterprise.json");
        // the report points at the line; the invalid sequence between the two has none
        JsonNode sequences = report.path("sequences");
        assertThat(sequences.get(0).path("outbox_file").asText()).endsWith("requests.jsonl");
        assertThat(sequences.get(0).path("outbox_line").asInt()).isEqualTo(1);
        assertThat(sequences.get(1).has("outbox_line")).isFalse();
        assertThat(sequences.get(2).path("outbox_line").asInt()).isEqualTo(2);
    }

    @Test
    void keeps_one_file_per_sequence_for_an_input_within_max_files() {
        dropText("single.csv", """
                sequence,step,wait_time,wait_mode,subject,body
                Solo intro,1,0,minute,Hello {{first_name}},Hi {{first_name}}
                """);

        JsonNode report = awaitReport("single.csv");

        assertThat(filesUnder(outboxOf("single.csv").orElseThrow())).extracting(p -> p.getFileName().toString())
                .containsExactly("001-solo-intro.json");
        assertThat(report.path("sequences").get(0).has("outbox_line")).isFalse();
    }
}
