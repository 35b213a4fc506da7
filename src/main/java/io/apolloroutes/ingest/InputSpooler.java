package io.apolloroutes.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

/**
 * The parse stage: streams an input file through the reader for its format into a disk spool grouped
 * by sequence. Whole-file problems surface here as {@link UnreadableInputException}, before anything
 * is sent.
 */
@Component("inputSpooler")
public class InputSpooler {

    private final ObjectMapper mapper;

    public InputSpooler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Parses the file of the current exchange; the spool is deleted when the exchange completes. */
    public SpooledInput spool(@ExchangeProperty(RunProperties.INPUT_FILE) InputFile file, Exchange exchange)
            throws IOException {
        SpooledInput input = spool(file);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    input.close();
                } catch (IOException ignored) {
                    // a leftover temp file is not worth failing a processed input for
                }
            }
        });
        return input;
    }

    /** Parses a file into a spool; the caller closes the result. */
    public SpooledInput spool(InputFile file) throws IOException {
        if (file.format() == null) {
            throw new UnreadableInputException(0, InputFormat.unreadableAdvice(file.name()));
        }
        InputLimits limits = file.source().read().limits();
        long size = Files.size(file.path());
        if (size > limits.maxFileBytes()) {
            throw new UnreadableInputException(0, "is " + sizes(size, limits.maxFileBytes()) + " a file may have"
                    + " (input.max-file-size); split it into smaller files");
        }
        RecordReader reader = readerFor(file.format(), file.source().read(), file.source().renames());
        try {
            return read(file, reader, limits);
        } catch (RecordReader.StartOver startOver) {
            // a new spool and collector: nothing of the first reading may reach the report
            return read(file, startOver.reader(), limits);
        }
    }

    private SpooledInput read(InputFile file, RecordReader reader, InputLimits limits) throws IOException {
        RowSpool spool = new RowSpool();
        Collector collector = new Collector(spool, limits.maxRows(), file.recordWord(),
                new NamelessRows(file.format().isWorkbook()));
        try {
            reader.read(file.path(), collector);
            if (collector.records == 0) {
                throw new UnreadableInputException(0, file.format().isJson()
                        ? "contains no sequences or rows"
                        : "has a header but no rows of data");
            }
            // the warnings read the spool's names back from disk, so they too may fail
            return new SpooledInput(file, collector.layout, spool, collector.records, collector.blanks,
                    collector.warnings());
        } catch (IOException | RuntimeException e) {
            RowSpool.closeAfter(spool, e);
            throw e;
        }
    }

    private RecordReader readerFor(InputFormat format, ReadOptions options, Map<String, String> renames) {
        return switch (format) {
            case CSV -> new CsvRecordReader(options, renames, ',');
            case TSV -> new CsvRecordReader(options, renames, '\t');
            case JSON -> new JsonRecordReader(mapper, renames, options.limits());
            case JSON_LINES -> new JsonLinesRecordReader(mapper, renames, options.limits());
            case XLSX, XLS -> new WorkbookRecordReader(options, renames);
        };
    }

    /**
     * "600.0 MB, more than the 512.0 MB": both sizes in the unit that suits the limit (KB for a limit set
     * that low in a trial), and in bytes when that unit would show the two alike.
     */
    static String sizes(long size, long limit) {
        String unit = limit >= 1024 * 1024 ? "MB" : limit >= 1024 ? "KB" : null;
        if (unit != null) {
            double per = unit.equals("MB") ? 1024.0 * 1024.0 : 1024.0;
            String shown = String.format(Locale.ROOT, "%.1f %s", size / per, unit);
            String allowed = String.format(Locale.ROOT, "%.1f %s", limit / per, unit);
            if (!shown.equals(allowed)) {
                return shown + ", more than the " + allowed;
            }
        }
        return String.format(Locale.ROOT, "%,d bytes, more than the %,d bytes", size, limit);
    }

    private static final class Collector implements RecordSink {
        private final RowSpool spool;
        private final int maxRecords;
        private final String recordWord;
        private final List<String> notes = new ArrayList<>();
        private final Set<String> unknownColumns = new LinkedHashSet<>();
        private final NamelessRows nameless;
        private TableLayout layout;
        private int records;
        private int blanks;

        private Collector(RowSpool spool, int maxRecords, String recordWord, NamelessRows nameless) {
            this.spool = spool;
            this.maxRecords = maxRecords;
            this.recordWord = recordWord;
            this.nameless = nameless;
        }

        @Override
        public void layout(TableLayout layout) {
            this.layout = layout;
            unknownColumns.addAll(layout.unknownColumns());
        }

        @Override
        public void unknownColumn(String name) {
            unknownColumns.add(name);
        }

        @Override
        public void record(String sequenceName, SourceRecord record) throws IOException {
            if (++records > maxRecords) {
                // refused before anything is sent: the whole file has to be read first anyway
                throw new UnreadableInputException(record.number(), String.format("has more than %,d %ss, the most a"
                        + " file may have (input.max-rows); split it into smaller files", maxRecords, recordWord));
            }
            spool.add(nameless.nameOf(sequenceName, record, layout), record);
        }

        @Override
        public void warning(String warning) {
            notes.add(warning);
        }

        @Override
        public void blank() {
            blanks++;
            nameless.blank();
        }

        private List<String> warnings() throws IOException {
            List<String> all = new ArrayList<>();
            if (!unknownColumns.isEmpty()) {
                all.add("unknown columns ignored (their cells are kept in dead-letter files but not sent): "
                        + String.join(", ", unknownColumns.stream().map(c -> "\"" + c + "\"").toList()));
            }
            all.addAll(notes);
            nameless.warning().ifPresent(all::add);
            LookalikeNames.warning(spool.names()).ifPresent(all::add);
            return all;
        }
    }
}
