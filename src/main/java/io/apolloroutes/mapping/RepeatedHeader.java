package io.apolloroutes.mapping;

import io.apolloroutes.ingest.EdgeBlanks;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceRecord;
import io.apolloroutes.ingest.TableLayout;
import java.util.List;
import java.util.Optional;

/**
 * Rows that repeat the header: two exports joined into one file ({@code cat a.csv b.csv}), or a header
 * copied down a sheet. Such rows share one "sequence" named after the sequence column's own header, and
 * mapped like data they would get a message per cell ("step: must be a whole number — got 'step'") that
 * does not say what happened.
 */
final class RepeatedHeader {

    private RepeatedHeader() {
    }

    /** The one problem of a candidate made only of rows that repeat the header; empty for any other. */
    static Optional<Problem> of(SequenceCandidate candidate) {
        TableLayout layout = candidate.layout();
        if (layout == null || candidate.name() == null) {
            return Optional.empty();
        }
        for (SourceRecord record : candidate.records()) {
            if (!(record instanceof SourceRecord.TableRow row) || !repeats(row.cells(), layout.labels())) {
                return Optional.empty();
            }
        }
        return Optional.of(new Problem(candidate.recordNumbers(), null, null, null, "repeats the header row (two files"
                + " joined into one, or a header copied down); delete it"));
    }

    private static boolean repeats(List<String> cells, List<String> labels) {
        int filled = filled(cells);
        if (filled != filled(labels)) {
            return false;
        }
        for (int i = 0; i < filled; i++) {
            if (!EdgeBlanks.strip(cells.get(i)).equalsIgnoreCase(EdgeBlanks.strip(labels.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** How many cells there are up to the last one with anything in it. */
    private static int filled(List<String> cells) {
        int filled = cells.size();
        while (filled > 0 && EdgeBlanks.isBlank(cells.get(filled - 1))) {
            filled--;
        }
        return filled;
    }
}
