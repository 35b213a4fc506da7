package io.apolloroutes.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One record of an input file, exactly as read: a CSV row, a flat JSON row, an Apollo-shaped JSON
 * sequence, or something that could not be read as any of these. Kept verbatim so failed records can
 * be written back to the dead-letter folder in the user's own columns.
 */
public sealed interface SourceRecord {

    /** Row number (CSV, header = 1), element number (JSON) or line number (JSON Lines). */
    int number();

    /**
     * A data row of a table (CSV/TSV file or worksheet); cells line up with the file's {@link TableLayout}.
     *
     * @param cellProblems cells that hold no usable value (say, a spreadsheet error such as {@code #REF!}),
     *                     by cell index; empty for almost every row
     */
    record TableRow(int number, List<String> cells, Map<Integer, String> cellProblems) implements SourceRecord {

        public TableRow {
            cellProblems = cellProblems == null ? Map.of() : Map.copyOf(cellProblems);
        }

        public TableRow(int number, List<String> cells) {
            this(number, cells, Map.of());
        }
    }

    /** A flat row object from a JSON file, keyed by the same column names as a CSV header. */
    record JsonRow(int number, int line, ObjectNode fields) implements SourceRecord {
    }

    /** An object in Apollo's own "Create a Sequence" shape. */
    record JsonSequence(int number, int line, ObjectNode body) implements SourceRecord {
    }

    /** A record that could not be read (not JSON, not an object); it still gets an outcome. */
    record Broken(int number, int line, String raw, String problem) implements SourceRecord {
    }
}
