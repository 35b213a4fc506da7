package io.apolloroutes.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the pack's report of one file (streamed: the report of a 1,000,000-row file lists some 190,000
 * sequences) and checks that every row got exactly one outcome and that the outcomes are the ones the
 * generator planned.
 */
final class ReportCheck {

    /**
     * @param status    the report's status (processed, unreadable, failed)
     * @param error     the report's error, for an unreadable or failed file
     * @param rows      counts.rows
     * @param packTime  received_at → finished_at, as the pack recorded them
     * @param outcomes  sequences per outcome, counted from the list itself
     * @param problems  what does not add up; empty when everything does
     */
    record Result(String status, String error, long rows, Duration packTime, Map<String, Integer> outcomes,
                  List<String> problems) {

        boolean unsupported() {
            return "unreadable".equals(status) && error != null && error.contains("cannot read yet");
        }
    }

    private ReportCheck() {
    }

    static Result check(Path report, SyntheticData.Expectation expected) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        String status = null;
        String error = null;
        Instant received = null;
        Instant finished = null;
        JsonNode counts = null;
        BitSet seen = new BitSet();
        long listedRows = 0;
        long repeatedRows = 0;
        Map<String, Integer> sequences = new TreeMap<>();
        Map<String, Long> rowsByOutcome = new TreeMap<>();
        try (JsonParser json = new JsonFactory(mapper).createParser(report.toFile())) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "status" -> status = json.getText();
                    case "error" -> error = json.getText();
                    case "received_at" -> received = Instant.parse(json.getText());
                    case "finished_at" -> finished = Instant.parse(json.getText());
                    case "counts" -> counts = json.readValueAsTree();
                    case "sequences" -> {
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            String outcome = null;
                            int rows = 0;
                            while (json.nextToken() == JsonToken.FIELD_NAME) {
                                String name = json.currentName();
                                json.nextToken();
                                if (name.equals("outcome")) {
                                    outcome = json.getText();
                                } else if (name.equals("rows")) {
                                    while (json.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                                        int row = json.getIntValue();
                                        if (seen.get(row)) {
                                            repeatedRows++;
                                        }
                                        seen.set(row);
                                        rows++;
                                    }
                                } else {
                                    json.skipChildren();
                                }
                            }
                            sequences.merge(String.valueOf(outcome), 1, Integer::sum);
                            rowsByOutcome.merge(String.valueOf(outcome), (long) rows, Long::sum);
                            listedRows += rows;
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        }
        List<String> problems = new ArrayList<>();
        Duration packTime = received != null && finished != null ? Duration.between(received, finished) : null;
        if (!"processed".equals(status)) {
            problems.add("status " + status + (error == null ? "" : ": " + error));
            return new Result(status, error, 0, packTime, sequences, problems);
        }
        long rows = counts.path("rows").asLong();
        if (rows != expected.rows()) {
            problems.add("counts.rows is " + rows + ", the file has " + expected.rows());
        }
        if (listedRows != rows || seen.cardinality() != rows || repeatedRows != 0) {
            problems.add(String.format("the sequences list %d rows (%d distinct, %d repeated) for %d rows", listedRows,
                    seen.cardinality(), repeatedRows, rows));
        }
        long outcomeSum = 0;
        for (var entry : counts.path("rows_by_outcome").properties()) {
            outcomeSum += entry.getValue().asLong();
        }
        if (outcomeSum != rows) {
            problems.add("rows_by_outcome adds up to " + outcomeSum + ", not " + rows);
        }
        expectEqual(problems, "sequences would-create", sequences.getOrDefault("would-create", 0), expected.validSequences());
        expectEqual(problems, "sequences invalid", sequences.getOrDefault("invalid", 0), expected.invalidSequences());
        expectEqual(problems, "rows would-create", rowsByOutcome.getOrDefault("would-create", 0L), expected.validRows());
        expectEqual(problems, "rows invalid", rowsByOutcome.getOrDefault("invalid", 0L), expected.invalidRows());
        expectEqual(problems, "counts.rows_by_outcome.would-create",
                counts.path("rows_by_outcome").path("would-create").asLong(), expected.validRows());
        return new Result(status, error, rows, packTime, sequences, problems);
    }

    private static void expectEqual(List<String> problems, String what, long actual, long expected) {
        if (actual != expected) {
            problems.add(what + ": " + actual + ", expected " + expected);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("report: expected " + expected + ", found " + actual);
        }
    }
}
