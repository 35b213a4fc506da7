package io.apolloroutes.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JSON Lines: one object per line. A line that is not valid JSON, or has a key twice, is one bad
 * record (it ends as invalid with its line number), not a reason to refuse the other lines. A line is
 * read whole only up to {@link InputLimits#maxRowChars()}: a JSON array written on one line and named
 * .jsonl would otherwise be the whole file in memory at once.
 */
final class JsonLinesRecordReader implements RecordReader {

    private final ObjectMapper mapper;
    private final JsonTrees trees;
    private final HeaderNames columns;
    private final long maxLineChars;

    /**
     * @param renames the source's own key names → column names (see {@link SourceProfile#renames()})
     */
    JsonLinesRecordReader(ObjectMapper mapper, Map<String, String> renames, InputLimits limits) {
        this.mapper = mapper;
        this.trees = new JsonTrees(mapper);
        this.columns = HeaderNames.of(renames);
        this.maxLineChars = limits.maxRowChars();
    }

    @Override
    public void read(Path file, RecordSink sink) throws IOException {
        int lineNumber = 0;
        boolean started = false;
        try (InputStream in = Files.newInputStream(file);
             RowLengthGuard guard = new RowLengthGuard(StrictText.utf8Reader(in), maxLineChars);
             BufferedReader lines = new BufferedReader(guard)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                guard.rowEnded();
                lineNumber++;
                if (line.isBlank()) {
                    sink.blank();
                    continue;
                }
                JsonNode node;
                String after;
                try (JsonParser parser = mapper.createParser(line)) {
                    node = trees.read(parser);
                    after = rest(parser, line);
                } catch (JsonProcessingException e) {
                    if (!started) {
                        // a first line that is not JSON may be no text at all (a database file, a PDF): the
                        // whole file is told so, not each of its "lines"
                        Optional<UnreadableInputException> notText = JsonFiles.notText(file);
                        if (notText.isPresent()) {
                            throw notText.get();
                        }
                    }
                    started = true;
                    sink.record(null, new SourceRecord.Broken(lineNumber, lineNumber, line,
                            "is not valid JSON: " + JsonFiles.problem(e)));
                    continue;
                } catch (JsonTrees.DuplicateKeyException e) {
                    started = true;
                    sink.record(null, new SourceRecord.Broken(lineNumber, lineNumber, line, e.problem()));
                    continue;
                }
                started = true;
                if (after != null) {
                    // the parser stops after the first value: a second object on the line would be lost unread
                    sink.record(null, new SourceRecord.Broken(lineNumber, lineNumber, line, "has more after its"
                            + " JSON value (" + after + "); a .jsonl file holds one object per line, with nothing"
                            + " after it (no comma), so put each object on a line of its own"));
                    continue;
                }
                JsonShapes.file(lineNumber, lineNumber, node, sink, columns);
            }
        } catch (RowLengthGuard.RowTooLongException e) {
            int line = lineNumber + 1;
            throw new UnreadableInputException(line, String.format(Locale.ROOT, "line %d is longer than %s; a .jsonl file holds"
                    + " one object per line, so if it is one JSON array, name it .json", line,
                    RowLengthGuard.limitText(maxLineChars)));
        } catch (IOException e) {
            StrictTextReader.InvalidTextException invalid = StrictText.encodingError(e);
            if (invalid != null) {
                throw JsonFiles.notUtf8(file, invalid);
            }
            throw e;
        }
    }

    /**
     * What stands after the line's first value, from its first character that is not a blank, or null when
     * nothing does.
     */
    private static String rest(JsonParser parser, String line) {
        int start = (int) Math.min(parser.currentLocation().getCharOffset(), line.length());
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        if (start == line.length()) {
            return null;
        }
        String rest = line.substring(start).stripTrailing();
        if (EdgeBlanks.isBlank(rest)) {
            return null; // a no-break space or zero-width space after the object: nothing a person sees
        }
        return "at column " + (start + 1) + ": '" + (rest.length() > 20 ? rest.substring(0, 20) + "…" : rest) + "'";
    }
}
