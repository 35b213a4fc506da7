package io.apolloroutes.mapping;

import io.apolloroutes.ingest.InputFile;
import java.util.List;

/**
 * One thing wrong with a sequence, located in the user's file.
 *
 * @param rows    row, element or line numbers it concerns
 * @param column  the header as the user wrote it (tabular input), or null
 * @param path    the Apollo JSON path, e.g. {@code emailer_steps[1].wait_mode}, or null
 * @param value   the offending value as written, or null when there is none to quote
 * @param message what is wrong and how to fix it
 */
public record Problem(List<Integer> rows, String column, String path, String value, String message) {

    private static final int VALUE_PREVIEW = 80;

    public Problem {
        rows = List.copyOf(rows);
    }

    /** A problem with no particular field, such as a record that is not JSON. */
    public static Problem ofRecords(List<Integer> rows, String value, String message) {
        return new Problem(rows, null, null, value, message);
    }

    /**
     * The message as users see it, naming file, rows, column or path, value and fix:
     * {@code q3.csv rows 4-5, column "Wait Mode" (emailer_steps[1].wait_mode): must be minute, hour or day — got 'days'}.
     */
    public String render(InputFile file) {
        StringBuilder text = new StringBuilder(file.name());
        if (!rows.isEmpty()) {
            text.append(' ').append(RowNumbers.describe(file, rows));
        }
        if (column != null) {
            text.append(", column \"").append(column).append('"');
            if (path != null) {
                text.append(" (").append(path).append(')');
            }
        } else if (path != null) {
            text.append(", ").append(path);
        }
        text.append(": ").append(message);
        if (value != null) {
            String shown = value.length() > VALUE_PREVIEW ? value.substring(0, VALUE_PREVIEW) + "…" : value;
            text.append(" — got '").append(shown).append('\'');
        }
        return text.toString();
    }

    /** True when the problem names this record, or no record in particular. */
    public boolean concerns(int row) {
        return rows.isEmpty() || rows.contains(row);
    }
}
