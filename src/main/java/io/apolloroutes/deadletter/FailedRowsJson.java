package io.apolloroutes.deadletter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apolloroutes.ingest.ColumnNames;
import io.apolloroutes.ingest.SourceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code failed-rows.json} (an array) or {@code failed-rows.jsonl} (one object per line): each failed
 * object as it was, with an {@code _error} field added. A record that was not JSON keeps its text
 * under {@code _raw}.
 */
final class FailedRowsJson implements FailedRows {

    private static final String RAW_FIELD = "_raw";

    private final ObjectMapper mapper;
    private final JsonGenerator generator;
    private final boolean lines;
    private final String fileName;

    FailedRowsJson(Path folder, ObjectMapper mapper, boolean lines) throws IOException {
        this.mapper = mapper;
        this.lines = lines;
        this.fileName = lines ? "failed-rows.jsonl" : "failed-rows.json";
        this.generator = mapper.createGenerator(Files.newOutputStream(folder.resolve(fileName)));
        if (lines) {
            generator.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        } else {
            generator.useDefaultPrettyPrinter();
            generator.writeStartArray();
        }
    }

    @Override
    public void write(SourceRecord record, String error) throws IOException {
        ObjectNode object;
        if (record instanceof SourceRecord.JsonRow row) {
            object = row.fields().deepCopy();
        } else if (record instanceof SourceRecord.JsonSequence sequence) {
            object = sequence.body().deepCopy();
        } else if (record instanceof SourceRecord.Broken broken) {
            object = mapper.createObjectNode().put(RAW_FIELD, broken.raw());
        } else {
            throw new IllegalArgumentException("CSV row in a JSON errors file");
        }
        object.put(ColumnNames.ERROR_COLUMN, error);
        mapper.writeTree(generator, object);
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public void close() throws IOException {
        if (lines) {
            generator.writeRaw('\n');
        } else {
            generator.writeEndArray();
        }
        generator.close();
    }
}
