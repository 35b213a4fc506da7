package io.apolloroutes.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads one JSON value into a tree, refusing an object that has the same key twice. JSON parsers keep
 * the last value of a repeated key without a word, so {@code "subject": "first", "subject": "second"}
 * would send "second" and {@code "name": "J2", "name": "J2-other"} would create J2-other.
 *
 * <p>Jackson's tree reader does the detecting ({@link DeserializationFeature#FAIL_ON_READING_DUP_TREE_KEY})
 * rather than the parser ({@code STRICT_DUPLICATE_DETECTION}): the parser fails half-way through a
 * field name and cannot go on, while the tree reader fails after a whole value, so the rest of the
 * record can be skipped and the records after it still read.
 */
final class JsonTrees {

    private final ObjectReader reader;

    JsonTrees(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /**
     * Reads the value starting at the parser's current token (or its next one). A value read as a field
     * of an object the caller walks itself has that field's name at the start of its paths.
     *
     * @throws DuplicateKeyException with the parser moved past the whole value, so reading can go on
     */
    JsonNode read(JsonParser parser) throws IOException, DuplicateKeyException {
        JsonStreamContext outside = parser.getParsingContext();
        if (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY) {
            outside = outside.getParent();
        }
        try {
            return reader.readTree(parser);
        } catch (MismatchedInputException e) {
            // reading a tree from well-formed JSON has no other mismatch than a repeated key
            DuplicateKeyException duplicate = located(parser, outside);
            skipTo(parser, outside);
            throw duplicate;
        }
    }

    /** Where the repeated key stands; the parser is on the second value of the key. */
    private static DuplicateKeyException located(JsonParser parser, JsonStreamContext outside) {
        JsonStreamContext object = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            object = object.getParent();
        }
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext context = object; context != null && context != outside; context = context.getParent()) {
            steps.push(step(context));
        }
        if (outside.inObject()) {
            steps.push(step(outside));
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            if (!path.isEmpty() && !step.startsWith("[")) {
                path.append('.');
            }
            path.append(step);
        }
        return new DuplicateKeyException(object.getCurrentName(), path.toString());
    }

    private static String step(JsonStreamContext context) {
        return context.inArray() ? "[" + context.getCurrentIndex() + "]" : context.getCurrentName();
    }

    private static void skipTo(JsonParser parser, JsonStreamContext outside) throws IOException {
        while (parser.getParsingContext() != outside) {
            if (parser.nextToken() == null) {
                throw new EOFException("JSON ends inside an object");
            }
        }
    }

    /**
     * An object has the same key twice.
     *
     * @param key  the repeated key
     * @param path where it stands in the record, e.g. {@code emailer_steps[0].wait_time}; the key alone
     *             at the record's top level
     */
    static final class DuplicateKeyException extends Exception {

        private final String key;
        private final String path;

        DuplicateKeyException(String key, String path) {
            // a located record problem, not a failure anyone reads a stack trace for
            super(null, null, false, false);
            this.key = key;
            this.path = path;
        }

        /** The record's problem as users read it: the key, where it is, and the fix. */
        String problem() {
            return problem(key, path);
        }

        /** The same problem for a key found twice by a caller that walks an object itself. */
        static String problem(String key, String path) {
            String where = path.equals(key) ? "" : ", at " + path;
            return "has the key \"" + key + "\" twice" + where + "; keep one of them";
        }
    }
}
