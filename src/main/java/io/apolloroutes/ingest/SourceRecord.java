package io.apolloroutes.ingest;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One record of an input file, exactly as read: a CSV row, a flat JSON row, an Apollo-shaped JSON
 * sequence, or something that could not be read as any of these. Kept verbatim so failed records can
 * be written back to the dead-letter folder in the user's own columns.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "t")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SourceRecord.CsvRow.class, name = "csv"),
        @JsonSubTypes.Type(value = SourceRecord.JsonRow.class, name = "row"),
        @JsonSubTypes.Type(value = SourceRecord.JsonSequence.class, name = "seq"),
        @JsonSubTypes.Type(value = SourceRecord.Broken.class, name = "broken")})
public sealed interface SourceRecord {

    /** Row number (CSV, header = 1), element number (JSON) or line number (JSON Lines). */
    int number();

    /** A data row of a CSV/TSV file; cells line up with the file's {@link TableLayout}. */
    record CsvRow(int number, List<String> cells) implements SourceRecord {
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
