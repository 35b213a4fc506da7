package io.apolloroutes.ingest;

import java.util.Locale;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * What a date number format shows: a date, a date and a time, or a time of day. Decided from the
 * format code ({@code yyyy-mm-dd}, {@code m/d/yy h:mm}, {@code [$-409]dddd, mmmm d}, ...), because the
 * stored number alone cannot tell a date typed at midnight from a date without a time.
 */
enum DateCellFormat {
    DATE, DATE_TIME, TIME;

    /**
     * True for a date or time format. POI's own test refuses formats with quoted text, which are common
     * ({@code d "de" mmmm "de" yyyy} in Spanish, {@code yyyy-mm-dd "at" hh:mm}), so the format is asked
     * again without its literal text.
     */
    static boolean isDateFormat(int index, String formatCode) {
        if (DateUtil.isADateFormat(index, formatCode)) {
            return true;
        }
        if (formatCode == null || formatCode.indexOf('"') < 0) {
            return false;
        }
        String withoutLiterals = formatCode.replaceAll("\"[^\"]*\"", " ");
        return !withoutLiterals.isBlank() && DateUtil.isADateFormat(index, withoutLiterals);
    }

    /** Reads a format code that {@link #isDateFormat} accepted. */
    static DateCellFormat of(String formatCode) {
        String code = codeLetters(formatCode == null ? "" : formatCode);
        boolean time = code.indexOf('h') >= 0 || code.indexOf('s') >= 0 || code.contains("am/pm")
                || code.contains("a/p");
        // "m" is a month next to days and years but minutes next to hours and seconds
        boolean date = code.indexOf('y') >= 0 || code.indexOf('d') >= 0 || code.indexOf('e') >= 0
                || (!time && code.indexOf('m') >= 0);
        if (time && date) {
            return DATE_TIME;
        }
        return time ? TIME : DATE;
    }

    /**
     * The letters that carry meaning: the first section only, without quoted text, escaped characters
     * and bracketed codes such as colours or locales (but keeping elapsed-time brackets like {@code [h]}).
     */
    private static String codeLetters(String format) {
        StringBuilder kept = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quoted) {
                quoted = c != '"';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++; // the next character is shown as it is (or only pads)
            } else if (c == ';') {
                break;
            } else if (c == '[') {
                int end = format.indexOf(']', i);
                String inside = end < 0 ? "" : format.substring(i + 1, end).toLowerCase(Locale.ROOT);
                if (inside.matches("h+|m+|s+")) {
                    kept.append(inside);
                }
                i = end < 0 ? format.length() : end;
            } else {
                kept.append(Character.toLowerCase(c));
            }
        }
        return kept.toString();
    }
}
