package io.apolloroutes.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.apollo.OutboxWriter;
import io.apolloroutes.config.FolderProperties;
import io.apolloroutes.deadletter.DeadLetterBox;
import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.ingest.SpooledInput;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens and closes the {@link FileRun} of each input: the report's head before the first sequence,
 * and after the last one the counts, the dead-letter folder and one summary line in the log.
 */
@Component("fileRuns")
public class FileRuns {

    private static final Logger LOG = LoggerFactory.getLogger(FileRuns.class);

    private final FolderProperties folders;
    private final ApolloProperties apollo;
    private final ObjectMapper mapper;
    private final OutboxWriter outbox;

    public FileRuns(FolderProperties folders, ApolloProperties apollo, ObjectMapper mapper, OutboxWriter outbox) {
        this.outbox = outbox;
        this.folders = folders;
        this.apollo = apollo;
        this.mapper = mapper;
    }

    /** Starts the run of the parsed input in the body. */
    public void start(SpooledInput input, Exchange exchange) throws IOException {
        InputFile file = input.file();
        boolean dryRun = apollo.sendsNothing();
        ReportWriter report = ReportWriter.start(folders.reportFor(file.runId()), mapper, file,
                dryRun ? "dry-run" : "live", input.warnings());
        DeadLetterBox deadLetters = new DeadLetterBox(file, input.layout(), folders.deadLetterFor(file.runId()), mapper);
        exchange.setProperty(FileRun.PROPERTY, new FileRun(input, dryRun, report, deadLetters));
        input.warnings().forEach(warning -> LOG.warn("{}: {}", file.name(), warning));
    }

    /**
     * A run that broke off (see {@code deadLetters.failed}): closes its report as failed so the
     * sequences it already recorded, created ones included, stay on record.
     */
    public void abandon(Exchange exchange) {
        FileRun run = exchange.getProperty(FileRun.PROPERTY, FileRun.class);
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (run != null) {
            run.abandon("processing stopped by an internal error: " + error);
            try {
                // let go of the run's open outbox file; the run has failed whatever it says
                outbox.finish(run.file().runId());
            } catch (IOException | RuntimeException ignored) {
                // the error that broke the run off is the one to report
            }
        }
    }

    /** Ends the run: report complete, dead letters in place, one line in the log. */
    public void finish(@ExchangeProperty(FileRun.PROPERTY) FileRun run) throws IOException {
        // the dry-run outbox is written on its own thread: the run is done only when its files are
        List<String> unwritten = outbox.finish(run.file().runId());
        if (!unwritten.isEmpty()) {
            throw new IOException(unwritten.size() + " outbox files could not be written, first: " + unwritten.get(0));
        }
        OutcomeCounts counts = run.finish();
        String deadLetters = run.deadLetters().isUsed()
                ? " Failed rows: " + run.deadLetters().folder() + "." : "";
        int missing = run.missing() == null ? 0 : run.missing().size();
        String gone = missing == 0 ? "" : String.format(Locale.ROOT, "; %,d created from this sheet before %s no longer in it"
                + " (kept in Apollo)", missing, missing == 1 ? "is" : "are");
        String line = String.format(Locale.ROOT, "%s: %,d rows, %,d sequences → %s%s%s. Report: %s.%s", run.file().name(),
                run.input().recordCount(), counts.totalSequences(), counts.summary(), gone,
                run.isDryRun() ? " (dry-run)" : "", run.report().target(), deadLetters);
        if (counts.anyFailed() || missing > 0) {
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
    }
}
