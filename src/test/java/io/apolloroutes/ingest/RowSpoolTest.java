package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowSpoolTest {

    private static final String ONE_MB_CELL = "Hello {{first_name}}, café €5 🌷 ".repeat(1 << 15);

    @TempDir
    Path dir;

    @Test
    void table_rows_come_back_as_written() throws IOException {
        assertThat(ONE_MB_CELL.length()).isGreaterThan(1 << 20);
        List<SourceRecord> rows = List.of(
                new SourceRecord.TableRow(2, Arrays.asList("", null, "plain", "Café “quoted” – €5", "🌷 emoji pair",
                        "nul \u0000 inside", "é".repeat(40_000), ONE_MB_CELL), Map.of(1, "#REF!", 6, "")),
                new SourceRecord.TableRow(3, List.of()),
                new SourceRecord.TableRow(4, null));

        assertThat(roundTrip(rows)).isEqualTo(rows);
    }

    @Test
    void lone_surrogates_come_back_as_they_were_read() throws IOException {
        // JSON escapes (and .xls strings) can hold half a surrogate pair; UTF-8 would turn it into "?"
        List<SourceRecord> rows = List.of(new SourceRecord.TableRow(2, List.of("\uD83C", "x\uDF37y", "\uDF37\uD83C")),
                new SourceRecord.Broken(3, 3, "{\"a\": \"\uD83C\"", "high \uD83C and low \uDF37"));

        assertThat(roundTrip(rows)).isEqualTo(rows);
    }

    @Test
    void json_records_come_back_as_written() throws IOException {
        ObjectNode fields = json("{\"sequence\": \"A\", \"step\": 1, \"big\": 12345678901234567890, \"wait\": 1.5,"
                + " \"labels\": [\"x\", null, true], \"owner\": null, \"note\": \"🌷 \\ud83c\", \"\\udf37\": \"key\"}");
        ObjectNode body = json("{\"name\": \"Q1\", \"emailer_steps\": [{\"position\": 1, \"emailer_touches\": []}]}");
        List<SourceRecord> records = List.of(
                new SourceRecord.JsonRow(1, 2, fields),
                new SourceRecord.JsonRow(2, 3, null),
                new SourceRecord.JsonSequence(3, 4, body),
                new SourceRecord.JsonSequence(4, 5, null),
                new SourceRecord.Broken(5, 6, "not json {", "is not valid JSON: Unexpected character"),
                new SourceRecord.Broken(6, 7, null, null),
                new SourceRecord.Broken(7, 8, "", ""));

        assertThat(roundTrip(records)).isEqualTo(records);
    }

    @Test
    void reads_a_group_whose_records_are_far_apart() throws IOException {
        try (RowSpool spool = new RowSpool()) {
            for (int i = 0; i < 30; i++) {
                // 3 MB of other sequences between two records of "Spread"
                spool.add(i % 10 == 0 ? "Spread" : "Filler " + i, new SourceRecord.TableRow(i + 2,
                        List.of(i % 10 == 0 ? "Spread" : "Filler", "x".repeat(300_000))));
            }
            spool.add(null, new SourceRecord.Broken(40, 40, "raw", "problem"));
            spool.add("Spread", new SourceRecord.TableRow(41, List.of("Spread", "last")));

            List<RowSpool.Group> groups = new ArrayList<>();
            spool.groups().forEachRemaining(groups::add);

            assertThat(groups).hasSize(29);
            assertThat(groups.get(0).name()).isEqualTo("Spread");
            assertThat(groups.get(0).records()).extracting(SourceRecord::number).containsExactly(2, 12, 22, 41);
            assertThat(((SourceRecord.TableRow) groups.get(0).records().get(3)).cells()).containsExactly("Spread", "last");
            assertThat(groups.get(1).records()).singleElement().satisfies(r -> assertThat(r.number()).isEqualTo(3));
            assertThat(groups.get(28).name()).isNull();
            assertThat(groups.get(28).records()).containsExactly(new SourceRecord.Broken(40, 40, "raw", "problem"));
        }
    }

    @Test
    void reads_adjacent_records_together_up_to_a_limit() {
        RowSpool.Offsets offsets = new RowSpool.Offsets("A");
        offsets.add(0, 10);
        offsets.add(10, 20);
        offsets.add(30, 5);
        offsets.add(100, 5);
        offsets.add(105, 2_000);
        offsets.add(2_105, 3_000);
        offsets.add(5_105, 1);

        assertThat(offsets.adjacentRunEnd(0, 1_000)).isEqualTo(3);
        assertThat(offsets.adjacentRunEnd(3, 1_000)).isEqualTo(4);
        // a record larger than the limit is still read, alone
        assertThat(offsets.adjacentRunEnd(4, 1_000)).isEqualTo(5);
        assertThat(offsets.adjacentRunEnd(5, 1_000)).isEqualTo(6);
        assertThat(offsets.adjacentRunEnd(3, 10_000)).isEqualTo(7);
    }

    @Test
    void keeps_a_lone_surrogate_from_a_json_file_through_the_parse_stage() throws IOException {
        Path file = TestInputs.write(dir, "rows.json", "[{\"sequence\": \"A\", \"subject\": \"Hi \\ud83c\"}]");

        SourceRecord.JsonRow row = (SourceRecord.JsonRow) TestInputs.candidates(file).get(0).records().get(0);

        assertThat(row.fields().get("subject").asText()).isEqualTo("Hi \uD83C");
    }

    private static List<SourceRecord> roundTrip(List<SourceRecord> records) throws IOException {
        try (RowSpool spool = new RowSpool()) {
            for (SourceRecord record : records) {
                spool.add("Same sequence", record);
            }
            RowSpool.Group group = spool.groups().next();
            assertThat(group.name()).isEqualTo("Same sequence");
            return group.records();
        }
    }

    private static ObjectNode json(String text) throws IOException {
        return (ObjectNode) TestInputs.MAPPER.readTree(text);
    }
}
