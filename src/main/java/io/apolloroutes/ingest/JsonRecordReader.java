package io.apolloroutes.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON document with Jackson's streaming parser: one object, an array of objects, or
 * {@code {"sequences": [...]}}. Elements are read one at a time, so a large array never sits in memory;
 * and one element is read whole only up to {@link InputLimits#maxRowChars()}, so neither does one
 * endless element, nor rows kept under a wrapper key the pack does not read ({@code {"data": [...]}}).
 *
 * <p>Broken JSON stops the whole file, as the parser cannot find where the next element starts. An
 * element that is well-formed JSON but unusable (not an object, a key written twice) is one bad
 * record: it ends as invalid with its element number, and the other elements are read.
 */
final class JsonRecordReader implements RecordReader {

    private static final String WRAPPER_FIELD = "sequences";
    private static final String PASTED_OVER = "; look for text pasted many times over";
    /** Where the pack looks for a file's rows or sequences, for the refusals of rows kept elsewhere. */
    private static final String WHERE_ROWS_GO =
            "put them in a top-level array ([{...}, {...}]) or under \"sequences\" ({\"sequences\": [...]})";

    private final ObjectMapper mapper;
    private final JsonTrees trees;
    private final HeaderNames columns;
    private final long maxRecordChars;

    /**
     * @param renames the source's own key names → column names (see {@link SourceProfile#renames()})
     */
    JsonRecordReader(ObjectMapper mapper, Map<String, String> renames, InputLimits limits) {
        this.mapper = mapper;
        this.trees = new JsonTrees(mapper);
        this.columns = HeaderNames.of(renames);
        this.maxRecordChars = limits.maxRowChars();
    }

    @Override
    public void read(Path file, RecordSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             RowLengthGuard guard = new RowLengthGuard(StrictText.utf8Reader(in), maxRecordChars);
             JsonParser parser = mapper.createParser(guard);
             JsonFiles.Excerpts excerpts = new JsonFiles.Excerpts(file)) {
            JsonToken first = firstToken(file, parser);
            if (first == null) {
                throw new UnreadableInputException(0, "is empty; it needs a sequence object or an array of them");
            }
            if (first == JsonToken.START_ARRAY) {
                readElements(excerpts, parser, guard, sink);
            } else if (first == JsonToken.START_OBJECT) {
                readRootObject(excerpts, parser, guard, sink);
            } else {
                throw new UnreadableInputException(1, "must hold a JSON object or an array of objects, not a single value");
            }
            if (parser.nextToken() != null) {
                throw new UnreadableInputException(parser.currentLocation().getLineNr(), String.format(
                        "has more JSON after the first value (line %d); for one object per line, name the file .jsonl",
                        parser.currentLocation().getLineNr()));
            }
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        } catch (RowLengthGuard.RowTooLongException e) {
            // not within a value the readers name (white space between elements): still the file's to fix
            throw new UnreadableInputException(0, String.format(Locale.ROOT, "goes on for more than %,d characters"
                    + " without a sequence or row ending, the most one sequence or row may take (20 ×"
                    + " input.max-cell-length)", maxRecordChars));
        } catch (IOException e) {
            StrictTextReader.InvalidTextException invalid = StrictText.encodingError(e);
            if (invalid != null) {
                throw JsonFiles.notUtf8(file, invalid);
            }
            throw e;
        }
    }

    /** A file that does not even start as JSON may be no text at all: a workbook or PDF renamed .json. */
    private static JsonToken firstToken(Path file, JsonParser parser) throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw JsonFiles.notJsonText(file, unreadable(e));
        }
    }

    private void readRootObject(JsonFiles.Excerpts excerpts, JsonParser parser, RowLengthGuard guard, RecordSink sink)
            throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        guard.rowEnded();
        try {
            readRootFields(excerpts, parser, guard, sink, line);
        } catch (RowLengthGuard.RowTooLongException e) {
            // past the limit between values (a key, white space): the values read so far make it so
            throw objectTooLong(line);
        }
    }

    private void readRootFields(JsonFiles.Excerpts excerpts, JsonParser parser, RowLengthGuard guard, RecordSink sink,
                                int line) throws IOException {
        long start = parser.currentTokenLocation().getCharOffset();
        ObjectNode rest = mapper.createObjectNode();
        boolean wrapped = false;
        String duplicate = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (WRAPPER_FIELD.equals(field) && value == JsonToken.START_ARRAY) {
                if (wrapped) {
                    // the elements of the first list are filed already; which list was meant is not clear
                    throw new UnreadableInputException(parser.currentTokenLocation().getLineNr(), String.format(
                            "has the key \"%s\" twice (line %d); keep one of them", WRAPPER_FIELD,
                            parser.currentTokenLocation().getLineNr()));
                }
                wrapped = true;
                readElements(excerpts, parser, guard, sink);
                guard.rowEnded();
                continue;
            }
            if (wrapped) {
                // beside "sequences" a value is only named in the warning: kept, or bounded as a record, it
                // would refuse an export that carries its contacts along
                skipIgnored(parser, guard);
                rest.putNull(field);
                continue;
            }
            try {
                JsonNode read = readWithin(parser, field, line, rest.isEmpty());
                if (rest.has(field) && duplicate == null) {
                    duplicate = JsonTrees.DuplicateKeyException.problem(field, field);
                }
                rest.set(field, read);
            } catch (JsonTrees.DuplicateKeyException e) {
                duplicate = duplicate == null ? e.problem() : duplicate;
            }
        }
        if (wrapped) {
            if (!rest.isEmpty()) {
                sink.warning("fields beside \"sequences\" ignored: "
                        + String.join(", ", rest.properties().stream().map(Map.Entry::getKey).toList()));
            }
        } else if (duplicate != null) {
            String raw = excerpts.text(start, parser.currentLocation().getCharOffset());
            sink.record(null, new SourceRecord.Broken(1, line, raw, duplicate));
        } else {
            JsonShapes.file(1, line, rest, sink, columns);
        }
    }

    private void readElements(JsonFiles.Excerpts excerpts, JsonParser parser, RowLengthGuard guard, RecordSink sink)
            throws IOException {
        int number = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            number++;
            guard.rowEnded();
            int line = parser.currentTokenLocation().getLineNr();
            long start = parser.currentTokenLocation().getCharOffset();
            JsonNode element;
            try {
                element = trees.read(parser);
            } catch (RowLengthGuard.RowTooLongException e) {
                throw new UnreadableInputException(line, String.format(Locale.ROOT, "element %d (from line %d) is longer than %s%s",
                        number, line, RowLengthGuard.limitText(maxRecordChars), PASTED_OVER));
            } catch (JsonTrees.DuplicateKeyException e) {
                String raw = excerpts.text(start, parser.currentLocation().getCharOffset());
                sink.record(null, new SourceRecord.Broken(number, line, raw, e.problem()));
                continue;
            }
            JsonShapes.file(number, line, element, sink, columns);
        }
    }

    /**
     * One value of the root object, which is read whole: past the limit it is most likely the file's
     * rows under a wrapper key of its own ({@code {"data": [...]}}, as many APIs answer), so the
     * message says where the pack looks for them instead. Unless the key is one the pack reads: then
     * the root object is one sequence or row, and its steps moved into an array would be no fix. And
     * unless values came before it: they count too, being kept, so this one need not be long itself.
     *
     * @param objectLine the line the root object starts on
     * @param first      whether this is the first value of the root object the pack keeps
     */
    private JsonNode readWithin(JsonParser parser, String field, int objectLine, boolean first)
            throws IOException, JsonTrees.DuplicateKeyException {
        int line = parser.currentTokenLocation().getLineNr();
        try {
            return trees.read(parser);
        } catch (RowLengthGuard.RowTooLongException e) {
            if (JsonShapes.APOLLO_STEPS.equals(field) || columns.column(field).isPresent()
                    || columns.numbered(field).isPresent()) {
                throw new UnreadableInputException(objectLine, String.format(Locale.ROOT, "the top-level object (from line %d) is"
                        + " longer than %s%s", objectLine, RowLengthGuard.limitText(maxRecordChars), PASTED_OVER));
            }
            if (!first) {
                throw objectTooLong(objectLine);
            }
            throw new UnreadableInputException(line, String.format(Locale.ROOT, "the value of \"%s\" (from line %d) is longer than"
                    + " %s; if \"%s\" holds the rows or sequences, %s", field, line,
                    RowLengthGuard.limitText(maxRecordChars), field, WHERE_ROWS_GO));
        }
    }

    /**
     * The refusal for a root object that is too long as a whole though no one value of it need be, as
     * when it keeps its rows or sequences one key each ({@code {"id1": {...}, "id2": {...}}}).
     */
    private UnreadableInputException objectTooLong(int objectLine) {
        return new UnreadableInputException(objectLine, String.format(Locale.ROOT, "the top-level object (from line %d) is longer"
                + " than %s; if its keys hold the rows or sequences, one key each, %s", objectLine,
                RowLengthGuard.limitText(maxRecordChars), WHERE_ROWS_GO));
    }

    /**
     * Skips the value the parser is at without keeping it. Only one token at a time counts against the
     * record limit: nothing of the value stays in memory, so only a single endless string can be too long.
     */
    private static void skipIgnored(JsonParser parser, RowLengthGuard guard) throws IOException {
        int depth = parser.currentToken().isStructStart() ? 1 : 0;
        while (depth > 0) {
            guard.rowEnded();
            JsonToken token = parser.nextToken();
            depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
        }
        guard.rowEnded();
    }

    private static UnreadableInputException unreadable(JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        return new UnreadableInputException(line, String.format("is not valid JSON at line %d, column %d: %s",
                line, column, JsonFiles.problem(e)));
    }
}
