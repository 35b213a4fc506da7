package io.apolloroutes.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.ingest.InputFormat;
import io.apolloroutes.ingest.SourceRecord;
import io.apolloroutes.ingest.TableLayout;
import io.apolloroutes.mapping.Problem;
import io.apolloroutes.mapping.RowNumbers;
import io.apolloroutes.mapping.SequenceDraft;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The dead-letter folder of one input run: the untouched original plus the failed rows with an
 * {@code _error} per row. Created only when the first sequence fails, so a clean run leaves nothing.
 */
public final class DeadLetterBox implements Closeable {

    private final InputFile file;
    private final TableLayout layout;
    private final Path folder;
    private final ObjectMapper mapper;
    private FailedRows rows;

    public DeadLetterBox(InputFile file, TableLayout layout, Path folder, ObjectMapper mapper) {
        this.file = file;
        this.layout = layout;
        this.folder = folder;
        this.mapper = mapper;
    }

    /**
     * Writes every record of a sequence that did not succeed.
     *
     * @param reason why it was not created, for sequences that were valid but not sent or refused
     */
    public void add(SequenceDraft draft, String reason) throws IOException {
        if (rows == null) {
            rows = open();
        }
        for (SourceRecord record : draft.candidate().records()) {
            rows.write(record, errorFor(draft, record.number(), reason));
        }
    }

    /** True once anything was written. */
    public boolean isUsed() {
        return rows != null;
    }

    public Path folder() {
        return folder;
    }

    /** Closes the failed-rows file and copies the original beside it; does nothing for a clean run. */
    @Override
    public void close() throws IOException {
        if (rows == null) {
            return;
        }
        rows.close();
        // a re-dropped errors file is often still called failed-rows.csv: never let it overwrite the new one
        String copyName = file.storedName().equalsIgnoreCase(rows.fileName())
                ? "original-" + file.storedName() : file.storedName();
        Files.copy(file.path(), folder.resolve(copyName), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The row's own problems; a row with none is told which rows stopped its sequence. */
    private String errorFor(SequenceDraft draft, int number, String reason) {
        if (!draft.isInvalid()) {
            return reason;
        }
        List<Problem> own = draft.problems().stream().filter(p -> p.concerns(number)).toList();
        if (!own.isEmpty()) {
            return String.join("; ", own.stream().map(p -> p.render(file)).toList());
        }
        List<Integer> blocking = draft.problems().stream().flatMap(p -> p.rows().stream()).distinct().toList();
        return "not sent: this row is fine, but sequence '" + draft.name() + "' has errors in "
                + RowNumbers.describe(file, blocking);
    }

    private FailedRows open() throws IOException {
        Files.createDirectories(folder);
        if (file.format() == InputFormat.JSON || file.format() == InputFormat.JSON_LINES) {
            return new FailedRowsJson(folder, mapper, file.format() == InputFormat.JSON_LINES);
        }
        // a source read with a fixed delimiter would not read its errors file back with any other
        Character delimiter = file.source().read().delimiter();
        return new FailedRowsCsv(folder, layout, delimiter == null ? ',' : delimiter);
    }
}
