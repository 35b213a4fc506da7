package io.apolloroutes.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.apolloroutes.ingest.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * Writes the JSON report of one input as sequences finish, so a file with many thousands of
 * sequences never needs its report in memory. The report appears under its final name only when
 * complete (written as {@code .part}, then moved), so readers never see half a report.
 */
public final class ReportWriter {

    private final Path target;
    private final Path partial;
    private final ObjectWriter outcomes;
    private final JsonGenerator json;

    private ReportWriter(Path target, ObjectMapper mapper) throws IOException {
        Files.createDirectories(target.getParent());
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + ".part");
        // flushed after every sequence: if the run dies, the .part file still says what was created
        this.outcomes = mapper.writerFor(SequenceOutcome.class).with(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        this.json = mapper.createGenerator(Files.newOutputStream(partial)).useDefaultPrettyPrinter();
    }

    /** Opens a report and writes its head; sequences follow with {@link #sequence(SequenceOutcome)}. */
    public static ReportWriter start(Path target, ObjectMapper mapper, InputFile file, String mode,
                                     List<String> warnings) throws IOException {
        ReportWriter report = new ReportWriter(target, mapper);
        report.head(file, mode);
        report.json.writeObjectField("warnings", warnings);
        report.json.writeArrayFieldStart("sequences");
        return report;
    }

    /**
     * The whole report of a file that could not be read.
     *
     * @param error why, naming the file ({@link io.apolloroutes.ingest.UnreadableInputException#about})
     */
    public static void unreadable(Path target, ObjectMapper mapper, InputFile file, String error, Path deadLetter)
            throws IOException {
        ReportWriter report = new ReportWriter(target, mapper);
        report.head(file, null);
        report.json.writeStringField("status", "unreadable");
        report.json.writeStringField("error", error);
        report.json.writeStringField("dead_letter", deadLetter.toString());
        report.end();
    }

    void sequence(SequenceOutcome outcome) throws IOException {
        outcomes.writeValue(json, outcome);
    }

    void finish(int recordCount, int blankRows, OutcomeCounts counts, Path deadLetter,
                List<MissingSequence> missing) throws IOException {
        json.writeEndArray();
        if (missing != null) {
            // sheet syncs: created from this sheet before, no longer in it; Apollo keeps them
            json.writeObjectField("missing_from_sheet", missing);
        }
        json.writeStringField("status", "processed");
        json.writeObjectFieldStart("counts");
        json.writeNumberField("rows", recordCount);
        json.writeNumberField("blank_rows_skipped", blankRows);
        json.writeObjectField("sequences_by_outcome", counts.sequencesByLabel());
        json.writeObjectField("rows_by_outcome", counts.rowsByLabel());
        json.writeEndObject();
        json.writeStringField("dead_letter", deadLetter == null ? null : deadLetter.toString());
        end();
    }

    /**
     * Ends a report whose run broke off: the sequences recorded so far stay listed, and the status
     * says the list is incomplete.
     */
    void abandon(String error) throws IOException {
        json.writeEndArray();
        json.writeStringField("status", "failed");
        json.writeStringField("error", error);
        end();
    }

    public Path target() {
        return target;
    }

    private void head(InputFile file, String mode) throws IOException {
        json.writeStartObject();
        json.writeStringField("file", file.name());
        json.writeStringField("run", file.runId());
        json.writeStringField("received_at", file.receivedAt().toString());
        if (mode != null) {
            json.writeStringField("mode", mode);
        }
    }

    private void end() throws IOException {
        json.writeStringField("finished_at", Instant.now().toString());
        json.writeEndObject();
        json.close();
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
