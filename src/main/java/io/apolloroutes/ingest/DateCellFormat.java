package io.apolloroutes.ingest;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * What a date number format shows: a date, a date and a time, a time of day, or a length of time.
 * Decided from the format code ({@code yyyy-mm-dd}, {@code m/d/yy h:mm}, {@code [$-409]dddd, mmmm d},
 * {@code [h]:mm}, ...), because the stored number alone cannot tell a date typed at midnight from a
 * date without a time.
 */
enum DateCellFormat {
    DATE, DATE_TIME, TIME,
    /**
     * An elapsed time ({@code [h]:mm}, {@code [mm]:ss}): the number of days as hours, minutes and seconds,
     * the hours running past 24, as Excel stores {@code 48:00} typed into a cell (2 days).
     */
    ELAPSED;

    /** AM/PM in Chinese, Japanese and Korean, and in English (POI knows the English one after the time only). */
    private static final Pattern AM_PM = Pattern.compile("上午/下午|午前/午後|오전/오후|(?i:AM/PM|A/P)");

    /**
     * True for a date or time format. POI's own test refuses formats with quoted text, which are common
     * ({@code d "de" mmmm "de" yyyy} in Spanish, {@code yyyy-mm-dd "at" hh:mm}), and the East Asian
     * tokens it does not know (see {@link #withKnownTokens}), so the format is asked again without its
     * literal text and with those tokens put as POI knows them.
     */
    static boolean isDateFormat(int index, String formatCode) {
        if (DateUtil.isADateFormat(index, formatCode)) {
            return true;
        }
        if (formatCode == null) {
            return false;
        }
        String plain = withKnownTokens(formatCode.replaceAll("\"[^\"]*\"", " "));
        return !plain.equals(formatCode) && !plain.isBlank() && DateUtil.isADateFormat(index, plain);
    }

    /**
     * The code with the East Asian date and time tokens POI does not know replaced by ones it does: the
     * era of Japanese and Taiwanese dates ({@code [$-411]ggge"年"m"月"d"日"}, {@code [$-404]e/m/d}; g is
     * the era's name, e the year in it) becomes a year, and AM/PM as Chinese, Japanese and Korean write it
     * or before the hour ({@code 上午/下午h"时"mm"分"}, {@code 午前/午後h:mm}, {@code AM/PM h:mm}) is
     * dropped, which leaves a time. POI still checks that nothing but date and time letters remains, so
     * a number format ({@code General}, {@code 0.00E+00}) stays one.
     */
    private static String withKnownTokens(String code) {
        String withoutAmPm = AM_PM.matcher(code).replaceAll(" ");
        StringBuilder kept = new StringBuilder(withoutAmPm.length());
        boolean bracketed = false;
        for (int i = 0; i < withoutAmPm.length(); i++) {
            char c = withoutAmPm.charAt(i);
            if (c == '\\' && i + 1 < withoutAmPm.length()) {
                kept.append(c).append(withoutAmPm.charAt(++i)); // shown as it is, not a token
            } else if (c == '[' || bracketed) {
                bracketed = c != ']'; // colours and locales ([Red], [$-411]) hold letters that are no tokens
                kept.append(c);
            } else if (c == 'e' || c == 'E') {
                kept.append('y');
            } else if (c != 'g' && c != 'G') {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Reads a format code that {@link #isDateFormat} accepted. */
    static DateCellFormat of(String formatCode) {
        String code = codeLetters(formatCode == null ? "" : formatCode);
        if (code.indexOf('[') >= 0) {
            return ELAPSED;
        }
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
     * and bracketed codes such as colours or locales (but keeping elapsed-time brackets like {@code [h]},
     * brackets and all).
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
                    kept.append('[').append(inside).append(']');
                }
                i = end < 0 ? format.length() : end;
            } else {
                kept.append(Character.toLowerCase(c));
            }
        }
        return kept.toString();
    }
}
