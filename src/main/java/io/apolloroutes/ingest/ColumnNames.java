package io.apolloroutes.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises header names: case-insensitive, with spaces, hyphens and underscores treated alike, so
 * "Wait Mode", "wait-mode" and "WAIT_MODE" all mean {@link Column#WAIT_MODE}.
 */
public final class ColumnNames {

    /** The column the dead-letter files add; ignored on input so corrected files can be re-dropped. */
    public static final String ERROR_COLUMN = "_error";

    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");
    private static final Map<String, Column> BY_NAME = new HashMap<>();

    static {
        for (Column column : Column.values()) {
            for (String name : column.acceptedNames()) {
                BY_NAME.put(name, column);
            }
        }
    }

    private ColumnNames() {
    }

    /** The column a header names, or empty for an unknown header. */
    public static Optional<Column> resolve(String header) {
        return Optional.ofNullable(BY_NAME.get(normalise(header)));
    }

    /** True when a header names a column the pack reads. */
    public static boolean isKnown(String header) {
        return resolve(header).isPresent();
    }

    public static boolean isErrorColumn(String header) {
        return ERROR_COLUMN.equals(normalise(header));
    }

    static String normalise(String header) {
        String trimmed = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
        String collapsed = SEPARATORS.matcher(trimmed).replaceAll("_");
        // keep a leading underscore (it marks "_error"), but not trailing ones from "Step 1 -"
        return collapsed.endsWith("_") && collapsed.length() > 1
                ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }
}
