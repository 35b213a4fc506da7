package io.apolloroutes.report;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Sequences and rows per outcome for one input. */
final class OutcomeCounts {

    private final Map<Outcome, Integer> sequences = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Integer> rows = new EnumMap<>(Outcome.class);

    void add(Outcome outcome, int rowCount) {
        sequences.merge(outcome, 1, Integer::sum);
        rows.merge(outcome, rowCount, Integer::sum);
    }

    int sequences(Outcome outcome) {
        return sequences.getOrDefault(outcome, 0);
    }

    int totalSequences() {
        return sequences.values().stream().mapToInt(Integer::intValue).sum();
    }

    int totalRows() {
        return rows.values().stream().mapToInt(Integer::intValue).sum();
    }

    boolean anyFailed() {
        return sequences.keySet().stream().anyMatch(Outcome::isFailure);
    }

    /** Every outcome with its count, zeros included, keyed by the outcome's label. */
    Map<String, Integer> sequencesByLabel() {
        return byLabel(sequences);
    }

    Map<String, Integer> rowsByLabel() {
        return byLabel(rows);
    }

    private static Map<String, Integer> byLabel(Map<Outcome, Integer> counts) {
        Map<String, Integer> labelled = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            labelled.put(outcome.label(), counts.getOrDefault(outcome, 0));
        }
        return labelled;
    }

    /** "2 created, 1 invalid" (outcomes with a zero count are left out). */
    String summary() {
        StringBuilder text = new StringBuilder();
        for (Outcome outcome : Outcome.values()) {
            int count = sequences(outcome);
            if (count > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%,d", count)).append(' ')
                        .append(outcome.label());
            }
        }
        return text.isEmpty() ? "nothing" : text.toString();
    }
}
