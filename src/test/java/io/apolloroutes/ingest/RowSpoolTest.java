package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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
    void reads_back_whole_records_from_runs_longer_than_one_read() throws IOException {
        // 2 + 3 rows of "Long" around a row of another sequence, each about 400 KB: two runs, the
        // second split because three would pass the 1 MB read limit; every record comes back whole
        try (RowSpool spool = new RowSpool()) {
            String big = "x".repeat(400_000);
            for (int number = 2; number <= 7; number++) {
                spool.add(number == 4 ? "Other" : "Long", new SourceRecord.TableRow(number, List.of("Long", big + number)));
            }
            List<RowSpool.Group> groups = new ArrayList<>();
            spool.groups().forEachRemaining(groups::add);

            assertThat(groups).extracting(RowSpool.Group::name).containsExactly("Long", "Other");
            assertThat(groups.get(0).records()).extracting(SourceRecord::number).containsExactly(2, 3, 5, 6, 7);
            assertThat(groups.get(0).records()).extracting(r -> ((SourceRecord.TableRow) r).cells().get(1))
                    .containsExactly(big + 2, big + 3, big + 5, big + 6, big + 7);
        }
    }

    @Test
    void names_groups_in_order_of_first_appearance_without_the_nameless() throws IOException {
        try (RowSpool spool = new RowSpool()) {
            spool.add("B", new SourceRecord.TableRow(2, List.of("B")));
            spool.add(null, new SourceRecord.TableRow(3, List.of("")));
            spool.add("A", new SourceRecord.TableRow(4, List.of("A")));
            spool.add("B", new SourceRecord.TableRow(5, List.of("B")));
            spool.add("b", new SourceRecord.TableRow(6, List.of("b")));

            assertThat(spool.names()).containsExactly("B", "A", "b");
            // a second pass reads them again, as the lookalike check does
            assertThat(spool.names()).containsExactly("B", "A", "b");
            assertThat(spool.groupCount()).isEqualTo(4);
            assertThat(spool.contains("A")).isTrue();
            assertThat(spool.contains("a")).isFalse();
            assertThat(spool.contains(null)).isFalse();
        }
    }

    @Test
    void keeps_names_apart_that_differ_only_in_a_lone_surrogate() throws IOException {
        // JSON escapes can put half a surrogate pair in a name; UTF-8 would make both of these "Q1 ?"
        try (RowSpool spool = new RowSpool()) {
            // ten other names around each: past the eight names compared as text, so the digests decide
            addOneRowSequences(spool, "Filler ", 10, 2);
            spool.add("Q1 \uD83C", new SourceRecord.TableRow(20, List.of()));
            addOneRowSequences(spool, "Other ", 10, 30);
            spool.add("Q1 \uDF37", new SourceRecord.TableRow(40, List.of()));

            assertThat(spool.groupCount()).isEqualTo(22);
            assertThat(spool.names()).contains("Q1 \uD83C", "Q1 \uDF37");
        }
    }

    @Test
    void keeps_a_million_one_row_sequences_apart() throws IOException {
        // one row per sequence is the most groups a file can have (input.max-rows defaults to a million);
        // past the eight names it remembers, the index tells names apart by digest alone
        try (RowSpool spool = new RowSpool()) {
            addOneRowSequences(spool, "Outbound ", 1_000_000, 2);
            spool.add("Outbound 17", new SourceRecord.TableRow(1_000_002, List.of()));

            assertThat(spool.groupCount()).isEqualTo(1_000_000);
            assertThat(spool.contains("Outbound 999999")).isTrue();
            assertThat(spool.contains("Outbound 1000000")).isFalse();
            Iterator<RowSpool.Group> groups = spool.groups();
            for (int i = 0; i < 18; i++) {
                RowSpool.Group group = groups.next();
                assertThat(group.name()).isEqualTo("Outbound " + i);
                assertThat(group.records()).extracting(SourceRecord::number)
                        .isEqualTo(i == 17 ? List.of(19, 1_000_002) : List.of(i + 2));
            }
        }
    }

    @Test
    void keeps_a_lone_surrogate_from_a_json_file_through_the_parse_stage() throws IOException {
        Path file = TestInputs.write(dir, "rows.json", "[{\"sequence\": \"A\", \"subject\": \"Hi \\ud83c\"}]");

        SourceRecord.JsonRow row = (SourceRecord.JsonRow) TestInputs.candidates(file).get(0).records().get(0);

        assertThat(row.fields().get("subject").asText()).isEqualTo("Hi \uD83C");
    }

    /** Sequences named prefix + 0, 1, ... of one empty row each, numbered from {@code firstRow}. */
    private static void addOneRowSequences(RowSpool spool, String prefix, int count, int firstRow) throws IOException {
        for (int i = 0; i < count; i++) {
            spool.add(prefix + i, new SourceRecord.TableRow(firstRow + i, List.of()));
        }
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
