package io.apolloroutes.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Tells the two JSON object shapes apart: Apollo's own "Create a Sequence" body (it has
 * {@code emailer_steps}) and a flat row keyed by the CSV column names.
 */
final class JsonShapes {

    /** The key that makes an object Apollo's own body rather than a flat row. */
    static final String APOLLO_STEPS = "emailer_steps";

    private JsonShapes() {
    }

    /**
     * Files an object under its sequence name.
     *
     * @param columns resolves the keys of a flat row, through the source's renames
     */
    static void file(int number, int line, JsonNode node, RecordSink sink, HeaderNames columns)
            throws java.io.IOException {
        if (!(node instanceof ObjectNode object)) {
            sink.record(null, new SourceRecord.Broken(number, line, node.toString(),
                    "is " + describe(node) + ", but each sequence or row must be a JSON object {...}"));
            return;
        }
        if (object.has(APOLLO_STEPS)) {
            sink.record(nameOf(object.get("name")), new SourceRecord.JsonSequence(number, line, object));
        } else {
            sink.record(rowSequenceName(object, sink, columns), new SourceRecord.JsonRow(number, line, object));
        }
    }

    private static String rowSequenceName(ObjectNode row, RecordSink sink, HeaderNames columns) {
        String name = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Column column = columns.column(field.getKey()).orElse(null);
            if (column == Column.SEQUENCE && name == null) {
                name = nameOf(field.getValue());
            } else if (column == null && columns.isUnknown(field.getKey())) {
                sink.unknownColumn(field.getKey());
            }
        }
        return name;
    }

    private static String nameOf(JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String name = EdgeBlanks.strip(value.asText());
        return name.isEmpty() ? null : name;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "not an object";
        };
    }
}
