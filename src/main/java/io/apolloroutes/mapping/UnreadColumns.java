package io.apolloroutes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.ingest.ColumnNames;
import io.apolloroutes.ingest.HeaderNames;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceRecord;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why a sequence has no step, when its rows say: a sequence without steps whose rows fill columns the
 * pack does not know ("Subject 1", "Email Text") most likely wrote its emails there, and "needs at least
 * one step" alone would not say why they were not seen. A row of only sequence settings is left to that
 * plain rule, and so is a row of a Sequences sheet: its steps belong on the Steps sheet, whatever other
 * columns it has.
 */
final class UnreadColumns {

    /** Unknown columns named in the message. */
    private static final int SHOWN = 5;

    private UnreadColumns() {
    }

    /** The problem naming the unknown columns the candidate's rows fill; empty when they fill none. */
    static Optional<Problem> of(SequenceCandidate candidate, HeaderNames columns) {
        // one more than is shown, to know whether to add "…": a row of 100,000 unknown columns costs one
        // pass, not a comparison of every column with every other
        Set<String> unread = new LinkedHashSet<>();
        for (SourceRecord record : candidate.records()) {
            if (RowNumbers.onSequencesSheet(candidate.file(), record.number())) {
                continue;
            }
            if (record instanceof SourceRecord.TableRow row && candidate.layout() != null) {
                List<String> labels = candidate.layout().labels();
                for (int i = 0; i < Math.min(row.cells().size(), labels.size()) && unread.size() <= SHOWN; i++) {
                    String cell = row.cells().get(i);
                    if (cell != null && !cell.isBlank() && !unread.contains(labels.get(i))
                            && isUnknown(labels.get(i), columns)) {
                        unread.add(labels.get(i));
                    }
                }
            } else if (record instanceof SourceRecord.JsonRow row) {
                for (Map.Entry<String, JsonNode> field : row.fields().properties()) {
                    if (unread.size() > SHOWN) {
                        break;
                    }
                    if (!field.getValue().isNull() && !unread.contains(field.getKey())
                            && isUnknown(field.getKey(), columns)) {
                        unread.add(field.getKey());
                    }
                }
            }
        }
        if (unread.isEmpty()) {
            return Optional.empty();
        }
        List<String> quoted = unread.stream().limit(SHOWN).map(label -> "\"" + label + "\"").toList();
        return Optional.of(new Problem(candidate.recordNumbers(), null, "emailer_steps", null, String.format("has no"
                        + " step, and its cells under %s%s were not read: the pack does not know those column names;"
                        + " name them like subject and body (one row per email) or Step 1 Subject and Step 1 Body (one"
                        + " row per sequence), or rename them in the source's mapping file", String.join(", ", quoted),
                unread.size() > quoted.size() ? ", …" : "")));
    }

    private static boolean isUnknown(String header, HeaderNames columns) {
        return !header.isBlank() && !ColumnNames.isErrorColumn(header) && columns.column(header).isEmpty()
                && columns.numbered(header).isEmpty();
    }
}
