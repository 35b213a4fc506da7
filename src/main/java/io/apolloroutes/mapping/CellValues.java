package io.apolloroutes.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads spreadsheet cells the way people fill them in: yes/no booleans, "3.0" for 3, lists separated
 * by ";" or "|", and "Auto Email" for auto_email. A value that cannot be read raises an
 * {@link IllegalArgumentException} whose message says what is expected.
 */
final class CellValues {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+(\\.0+)?");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;|]");
    private static final Pattern CODE_SEPARATORS = Pattern.compile("[\\s\\-]+");

    private CellValues() {
    }

    static Boolean bool(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false (yes/no, y/n and 1/0 work too)");
        };
    }

    static Integer integer(String raw) {
        String value = raw.strip();
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a whole number");
        }
        int dot = value.indexOf('.');
        try {
            return Integer.valueOf(dot < 0 ? value : value.substring(0, dot));
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("is too large (at most " + Integer.MAX_VALUE + ")");
        }
    }

    /** Splits on ";" or "|", trimming entries and dropping empty ones; null when nothing is left. */
    static List<String> list(String raw) {
        List<String> values = Arrays.stream(LIST_SEPARATOR.split(raw)).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return values.isEmpty() ? null : values;
    }

    /** A value from a fixed set, written loosely: "Auto Email" and "auto-email" become auto_email. */
    static String code(String raw) {
        return CODE_SEPARATORS.matcher(raw.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
    }

    /** A wait unit; the plural people naturally write ("days") is read as the singular Apollo expects. */
    static String waitMode(String raw) {
        String code = code(raw);
        return switch (code) {
            case "minutes", "mins", "min" -> "minute";
            case "hours", "hrs", "hr" -> "hour";
            case "days" -> "day";
            default -> code;
        };
    }

    static String text(String raw) {
        return raw.strip();
    }
}
