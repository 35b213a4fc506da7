package io.apolloroutes.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Builds each source's {@link SourceProfile} from the {@code input.*} settings and the source's
 * mapping file. Runs at startup, so a mistake in a mapping file stops the service with a message
 * naming the file and the entry rather than surfacing as odd results later.
 */
@Component
public class SourceProfiles {

    // an entry written twice would otherwise be "last one wins": the first rename or constant silently gone
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** How the parser starts its message about an entry written twice. */
    private static final String DUPLICATE = "Duplicate field ";

    private final InputProperties input;

    public SourceProfiles(InputProperties input) {
        this.input = input;
    }

    /**
     * @param name    the source, for messages
     * @param mapping its mapping file, or null for none
     * @throws IllegalStateException when the settings or the mapping file are not usable
     */
    public SourceProfile profile(String name, Path mapping) {
        MappingFile file = mapping == null ? new MappingFile(null, null, null, null) : load(mapping);
        String where = mapping == null ? "input.*" : "mapping file " + mapping;
        MappingFile.Read read = file.read() == null ? new MappingFile.Read(null, null, null, null) : file.read();
        ReadOptions options = new ReadOptions(
                encoding(or(read.encoding(), input.encoding()), where),
                delimiter(or(read.delimiter(), input.delimiter()), where),
                blankToNull(or(read.sheet(), input.sheet())),
                read.timeZone() == null ? input.timeZone() : zone(read.timeZone(), where),
                input.limits());
        BodyFormat bodyFormat = file.bodyFormat() == null ? input.bodyFormat()
                : BodyFormat.named(file.bodyFormat()).orElseThrow(() -> new IllegalStateException(where
                + ": body_format '" + file.bodyFormat() + "' is not one of auto, html, text, markdown"));
        return new SourceProfile(name, options, renames(file.columns(), where), constants(file.constants(), where),
                bodyFormat);
    }

    private static MappingFile load(Path mapping) {
        if (!Files.isRegularFile(mapping)) {
            throw new IllegalStateException("mapping file " + mapping.toAbsolutePath() + " does not exist");
        }
        try (JsonParser parser = YAML.createParser(mapping.toFile())) {
            // an empty file, or one with every entry commented out, is valid YAML that sets nothing
            MappingFile file = parser.nextToken() == null ? null : YAML.readValue(parser, MappingFile.class);
            return file == null ? new MappingFile(null, null, null, null) : file;
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalStateException("mapping file " + mapping + ": unknown entry '" + e.getPropertyName()
                    + "'; the file may have columns, constants, body_format and read (encoding, delimiter, sheet,"
                    + " time_zone)");
        } catch (IOException e) {
            StreamReadException twice = duplicateEntry(e);
            if (twice != null) {
                throw new IllegalStateException("mapping file " + mapping + ", line " + twice.getLocation().getLineNr()
                        + ": " + twice.getOriginalMessage().substring(DUPLICATE.length()) + " is written twice in one"
                        + " entry, so only one of the two would count; keep one of them");
            }
            // Jackson's own message ends in its name for the source ("at [Source: (File); line: 3, …]")
            String problem = e instanceof JsonProcessingException parse && parse.getLocation() != null
                    ? "line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ": "
                    + JsonFiles.problem(parse) : e.getMessage();
            throw new IllegalStateException("mapping file " + mapping + " is not valid YAML: " + problem, e);
        }
    }

    /** The parser's complaint about an entry written twice, wherever the mapping of the file wrapped it. */
    private static StreamReadException duplicateEntry(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith(DUPLICATE) && read.getLocation() != null) {
                return read;
            }
        }
        return null;
    }

    private static Map<String, String> renames(Map<String, String> columns, String where) {
        if (columns == null) {
            return Map.of();
        }
        Map<String, String> renames = new LinkedHashMap<>();
        Map<String, String> byHeader = new HashMap<>();
        columns.forEach((from, to) -> {
            // headers match loosely, so "Email Copy" and "email_copy" are one header with two renames
            String earlier = byHeader.putIfAbsent(ColumnNames.normalise(from), from);
            if (earlier != null) {
                throw new IllegalStateException(where + ": columns: '" + earlier + "' and '" + from + "' are the same"
                        + " header (case, spaces, hyphens and underscores do not matter), renamed twice; keep one of them");
            }
            if (to == null || !ColumnNames.isKnown(to)) {
                throw new IllegalStateException(where + ": columns: '" + from + "' is mapped to '" + to
                        + "', which is not a column the pack knows (see the README's column tables)");
            }
            renames.put(from, to);
        });
        return renames;
    }

    private static Map<Column, String> constants(Map<String, Object> constants, String where) {
        if (constants == null) {
            return Map.of();
        }
        Map<Column, String> values = new EnumMap<>(Column.class);
        Map<Column, String> keys = new EnumMap<>(Column.class);
        constants.forEach((key, value) -> {
            Column column = ColumnNames.resolve(key).orElseThrow(() -> new IllegalStateException(where
                    + ": constants: '" + key + "' is not a column the pack knows"));
            if (column == Column.SEQUENCE) {
                // the name is what groups rows into sequences: it comes from each row, never from here
                throw new IllegalStateException(where + ": constants: '" + key + "' is the sequence name, which each"
                        + " row gives; constants set sequence settings (schedule_id, owner_id, labels, permissions, ...)");
            }
            if (column.level() != Column.Level.SEQUENCE) {
                throw new IllegalStateException(where + ": constants: '" + key + "' is a step or email column;"
                        + " constants set sequence settings (schedule_id, owner_id, labels, permissions, ...)");
            }
            String earlier = keys.putIfAbsent(column, key);
            if (earlier != null) {
                // schedule and schedule_id name one setting: which of the two values would count is not for the file order to decide
                throw new IllegalStateException(where + ": constants: '" + earlier + "' and '" + key + "' both set "
                        + column.canonicalName() + "; keep one of them");
            }
            if (value == null || value instanceof Map) {
                throw new IllegalStateException(where + ": constants: '" + key + "' needs a value (text, number,"
                        + " true/false, or a list for labels)");
            }
            if (value instanceof Collection<?> list
                    && list.stream().anyMatch(item -> item == null || item instanceof Map || item instanceof Collection)) {
                // a nested list would be sent as the text "[b]", an empty item as the label "null"
                throw new IllegalStateException(where + ": constants: '" + key + "' has a list item that is empty, a"
                        + " list or a set of entries; write each item as one text, like labels: [Partner, Q3]");
            }
            values.put(column, value instanceof Collection<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.joining("; "))
                    : String.valueOf(value));
        });
        return values;
    }

    private static Charset encoding(String name, String where) {
        if (name.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": encoding '" + name + "' is not one this Java knows;"
                    + " use auto, UTF-8, UTF-16 or windows-1252");
        }
    }

    private static Character delimiter(String value, String where) {
        String name = value.toLowerCase(Locale.ROOT);
        if (name.equals("auto")) {
            return null;
        }
        if (name.equals("tab") || name.equals("\\t") || name.equals("\t")) {
            return '\t';
        }
        if (List.of(",", ";", "|").contains(name)) {
            return name.charAt(0);
        }
        throw new IllegalStateException(where + ": delimiter '" + value + "' must be auto, \",\", \";\", \"|\" or tab");
    }

    private static ZoneId zone(String name, String where) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new IllegalStateException(where + ": time_zone '" + name + "' is not a time zone such as UTC or"
                    + " Europe/Berlin");
        }
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
