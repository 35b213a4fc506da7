package io.apolloroutes.ingest;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * What a cell style's number format makes of a day number: a date, a date and time or a time of day.
 * Most formats say it in their code ({@link DateCellFormat}). The East Asian built-in formats do not:
 * Excel in Japanese, Chinese and Korean names them by their id alone (ECMA-376 Part 1, 18.8.30: ids
 * 27–36 and 50–58) and writes no format code into the file, and POI knows them only as
 * {@code reserved-0x1B} and the like. What such an id shows depends on the language Excel ran in,
 * which the file does not record.
 *
 * @param shown what the format shows; null where it is a date in one language and a time of day in
 *              another, so that the stored value decides
 */
record DateStyle(DateCellFormat shown) {

    private static final DateStyle DATE = new DateStyle(DateCellFormat.DATE);
    private static final DateStyle TIME = new DateStyle(DateCellFormat.TIME);
    private static final DateStyle DATE_OR_TIME = new DateStyle(null);

    /** POI's name for a built-in format id it has no code for (BuiltinFormats). */
    private static final String POI_RESERVED = "reserved-0x";

    /** The style of a number format, or empty when it does not show dates or times. */
    static Optional<DateStyle> of(int index, String formatCode) {
        if (!written(formatCode)) {
            Optional<DateStyle> eastAsian = eastAsianBuiltIn(index);
            if (eastAsian.isPresent()) {
                return eastAsian;
            }
        }
        return DateCellFormat.isDateFormat(index, formatCode)
                ? Optional.of(new DateStyle(DateCellFormat.of(formatCode))) : Optional.empty();
    }

    /**
     * What a day number in this style is shown as.
     *
     * @param serial the stored day number
     * @param value  the same as a date and time, rounded to the second
     */
    DateCellFormat shape(double serial, LocalDateTime value) {
        if (shown != null) {
            return shown;
        }
        if (serial < 1) {
            return DateCellFormat.TIME; // day 0 is no date anyone types; a time of day is stored so
        }
        // the format shows a date or a time, whichever language it was; a day number with a time
        // keeps both, so that neither reading loses what the person typed
        return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? DateCellFormat.DATE : DateCellFormat.DATE_TIME;
    }

    /** What an ISO 8601 date cell in this style is shown as; its stored text decides where the format cannot. */
    DateCellFormat shape(IsoDateCell cell) {
        return shown != null ? shown : cell.shape();
    }

    /**
     * The built-in ids as ECMA-376 lists them for ja-JP, ko-KR, zh-CN and zh-TW. Where all four agree
     * the format decides as any other does (a date typed with its time into a {@code yyyy"年"m"月"d"日"}
     * cell is shown as a date); 34, 35, 52, 53, 55 and 56 are dates in Japanese and Korean but times of
     * day in Chinese ({@code 上午/下午h"时"mm"分"}), so the value decides. None shows a date and a time.
     * Ids 71–81 are Thai Excel's ({@code ว/ด/ปปปป}, {@code ช:นน}; 59–70 among them are numbers).
     */
    private static Optional<DateStyle> eastAsianBuiltIn(int index) {
        return switch (index) {
            case 27, 28, 29, 30, 31, 36, 50, 51, 54, 57, 58 -> Optional.of(DATE);
            case 32, 33 -> Optional.of(TIME);
            case 34, 35, 52, 53, 55, 56 -> Optional.of(DATE_OR_TIME);
            // Thai (th-TH): dates in Thai digits and the Buddhist year, times, and one date with a time
            case 71, 72, 73, 74, 81 -> Optional.of(DATE);
            case 75, 76, 78, 79, 80 -> Optional.of(TIME);
            case 77 -> Optional.of(new DateStyle(DateCellFormat.DATE_TIME));
            default -> Optional.empty();
        };
    }

    /** A format code the file itself holds, not one POI filled in for a built-in id it does not know. */
    private static boolean written(String formatCode) {
        return formatCode != null && !formatCode.isBlank() && !formatCode.startsWith(POI_RESERVED);
    }
}
