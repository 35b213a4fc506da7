package io.apolloroutes.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a JSON document with Jackson's streaming parser: one object, an array of objects, or
 * {@code {"sequences": [...]}}. Elements are read one at a time, so a large array never sits in memory.
 */
final class JsonRecordReader implements RecordReader.OnePass {

    private static final String WRAPPER_FIELD = "sequences";

    private final ObjectMapper mapper;
    private final Function<String, Optional<Column>> columns;

    /**
     * @param renames the source's own key names → column names (see {@link SourceProfile#renames()})
     */
    JsonRecordReader(ObjectMapper mapper, Map<String, String> renames) {
        this.mapper = mapper;
        this.columns = ColumnNames.resolver(renames);
    }

    @Override
    public void read(InputStream in, RecordSink sink) throws IOException {
        try (JsonParser parser = mapper.createParser(StrictText.utf8Reader(in))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new UnreadableInputException(0, "is empty; it needs a sequence object or an array of them");
            }
            if (first == JsonToken.START_ARRAY) {
                readElements(parser, sink);
            } else if (first == JsonToken.START_OBJECT) {
                readRootObject(parser, sink);
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
        } catch (IOException e) {
            StrictTextReader.InvalidTextException invalid = StrictText.encodingError(e);
            if (invalid != null) {
                throw StrictText.notText(invalid);
            }
            throw e;
        }
    }

    private void readRootObject(JsonParser parser, RecordSink sink) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        ObjectNode rest = mapper.createObjectNode();
        boolean wrapped = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (WRAPPER_FIELD.equals(field) && value == JsonToken.START_ARRAY) {
                wrapped = true;
                readElements(parser, sink);
            } else {
                rest.set(field, parser.readValueAsTree());
            }
        }
        if (!wrapped) {
            JsonShapes.file(1, line, rest, sink, columns);
        } else if (!rest.isEmpty()) {
            sink.warning("fields beside \"sequences\" ignored: "
                    + String.join(", ", rest.properties().stream().map(Map.Entry::getKey).toList()));
        }
    }

    private void readElements(JsonParser parser, RecordSink sink) throws IOException {
        int number = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            number++;
            int line = parser.currentTokenLocation().getLineNr();
            JsonNode element = parser.readValueAsTree();
            JsonShapes.file(number, line, element, sink, columns);
        }
    }

    private static UnreadableInputException unreadable(JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        return new UnreadableInputException(line, String.format("is not valid JSON at line %d, column %d: %s",
                line, column, e.getOriginalMessage()));
    }
}
