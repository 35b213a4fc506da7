package io.apolloroutes.mapping;

import io.apolloroutes.ingest.EdgeBlanks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads spreadsheet cells the way people fill them in: yes/no booleans, "3.0" for 3, lists separated
 * by ";" or "|", and "Auto Email" for auto_email. A value that cannot be read raises an
 * {@link IllegalArgumentException} whose message says what is expected.
 */
final class CellValues {

    private CellValues() {
    }

    static Boolean bool(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false (yes/no, y/n and 1/0 work too)");
        };
    }

    /**
     * A whole number written {@code [+-]?[0-9]+([.,]0+)?}: spreadsheets write 3 as "3.0", and as "3,0"
     * where the decimal separator is a comma (Excel's semicolon CSV in German or French). Exactly three
     * zeros after the separator ({@code 1.000}, {@code 2,000}) is also how a thousands separator writes
     * 1000 and 2000, so such a number is refused rather than read as 1 or 2.
     */
    static Integer integer(String raw) {
        String value = raw.strip();
        int n = value.length();
        boolean negative = n > 0 && value.charAt(0) == '-';
        int i = n > 0 && (negative || value.charAt(0) == '+') ? 1 : 0;
        int digits = i;
        long magnitude = 0;
        for (; i < n && isDigit(value.charAt(i)); i++) {
            // past the int range the exact value no longer matters, only that it is too large
            if (magnitude <= Integer.MAX_VALUE + 1L) {
                magnitude = magnitude * 10 + (value.charAt(i) - '0');
            }
        }
        boolean whole = i > digits;
        int decimalZeros = -1;
        char separator = i < n ? value.charAt(i) : 0;
        if (separator == '.' || separator == ',') {
            int zeros = ++i;
            while (i < n && value.charAt(i) == '0') {
                i++;
            }
            decimalZeros = i - zeros;
            whole &= decimalZeros > 0;
        }
        if (!whole || i < n) {
            throw notWhole(value);
        }
        if (decimalZeros == 3 && magnitude != 0 && magnitude <= Integer.MAX_VALUE) {
            long signed = negative ? -magnitude : magnitude;
            throw new IllegalArgumentException("could be " + signed + " or " + signed * 1000 + " (is \""
                    + separator + "\" a decimal or a thousands separator?); write the number with digits only");
        }
        if (magnitude > (negative ? Integer.MAX_VALUE + 1L : Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("is too large (at most " + Integer.MAX_VALUE + ")");
        }
        return (int) (negative ? -magnitude : magnitude);
    }

    /** The wait unit a word names (minute, hour, day or week), or null. */
    static String unit(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "minute", "minutes", "min", "mins" -> "minute";
            case "hour", "hours", "hr", "hrs", "h" -> "hour";
            case "day", "days", "d" -> "day";
            case "week", "weeks", "wk", "wks", "w" -> "week";
            default -> null;
        };
    }

    /** Digits grouped in threes by one separator: 1.500 or 1,000,000, as a thousands separator writes them. */
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}([.,])\\d{3}(?:\\1\\d{3})*");

    /** Says what to write when the value looks like a number with a thousands separator (1.500 for 1500). */
    private static IllegalArgumentException notWhole(String value) {
        if (THOUSANDS.matcher(value).matches()) {
            return new IllegalArgumentException("must be a whole number; if it means " + value.replaceAll("[.,]", "")
                    + ", write it with digits only");
        }
        return new IllegalArgumentException("must be a whole number");
    }

    /** Only ASCII digits: {@link Integer#parseInt} would also read other scripts' digits. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Splits on ";" or "|", trimming entries and dropping empty ones; null when nothing is left. */
    static List<String> list(String raw) {
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || raw.charAt(i) == ';' || raw.charAt(i) == '|') {
                String value = raw.substring(start, i).strip();
                if (!value.isEmpty()) {
                    values.add(value);
                }
                start = i + 1;
            }
        }
        return values.isEmpty() ? null : Collections.unmodifiableList(values);
    }

    /** A value from a fixed set, written loosely: "Auto Email" and "auto-email" become auto_email. */
    static String code(String raw) {
        String code = raw.strip().toLowerCase(Locale.ROOT);
        int first = 0;
        while (first < code.length() && !isCodeSeparator(code.charAt(first))) {
            first++;
        }
        if (first == code.length()) {
            // written as the code already ("auto_email"): nothing to build
            return code;
        }
        StringBuilder joined = new StringBuilder(code.length()).append(code, 0, first);
        boolean separated = false;
        for (int i = first; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!isCodeSeparator(c)) {
                joined.append(c);
            } else if (!separated) {
                // a run of separators ("Auto - Email") is one underscore
                joined.append('_');
            }
            separated = isCodeSeparator(c);
        }
        return joined.toString();
    }

    /** Hyphens and the whitespace {@code \s} matches: ASCII only, so a no-break space stays in the code. */
    private static boolean isCodeSeparator(char c) {
        return c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** A wait unit; the plural people naturally write ("days") is read as the singular Apollo expects. */
    /** A wait mode written as people write units ("Days", "hrs"); weeks stay as written, as Apollo has none. */
    static String waitMode(String raw) {
        String code = code(raw);
        String unit = unit(code);
        return unit == null || unit.equals("week") ? code : unit;
    }

    static String text(String raw) {
        return EdgeBlanks.strip(raw);
    }
}
