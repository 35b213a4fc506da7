package io.apolloroutes.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A cell an xlsx stores as an ISO 8601 date instead of a day number ({@code <c t="d"><v>2026-12-01T09:30:00</v></c>}),
 * as openpyxl ({@code iso_dates}) and SheetJS ({@code cellDates}) write dates. The stored text says
 * whether it is a date, a date and time or a time of day, which a day number cannot.
 *
 * <p>excel-streaming-reader 5.1.1 reads such a cell as a plain number, so a cell without a date format
 * would come out as {@code 46357.3958333333}, and it fails on SheetJS's trailing {@code Z}. The stored
 * type and text come from {@link XlsxStoredCell}.
 *
 * @param value the date and time as written, rounded to the second as other date cells are
 * @param shape what the text holds: a date, a date and time, or a time
 */
record IsoDateCell(LocalDateTime value, DateCellFormat shape) {

    /**
     * A date, optionally a time ({@code T} or a space between), or a time alone. A trailing {@code Z} or
     * offset is read past, not applied: SheetJS writes the wall-clock time followed by {@code Z}, and
     * spreadsheets show the time as written, so it is placed in the configured zone like every other
     * date-time of a sheet.
     */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .optionalStart().append(DateTimeFormatter.ISO_LOCAL_DATE).optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * The cell's date when the file stores it as ISO 8601 text, null for every other cell.
     *
     * @throws DateTimeParseException when the stored text is not such a date
     */
    static IsoDateCell of(Cell cell, boolean date1904) {
        if (!"d".equals(XlsxStoredCell.type(cell))) {
            return null;
        }
        String stored = XlsxStoredCell.text(cell);
        return parse(stored == null ? "" : stored.strip(), date1904);
    }

    static IsoDateCell parse(String text, boolean date1904) {
        TemporalAccessor parsed = ISO.parse(text);
        LocalDate date = parsed.query(TemporalQueries.localDate());
        LocalTime time = parsed.query(TemporalQueries.localTime());
        if (date == null && time == null) {
            throw new DateTimeParseException("not an ISO 8601 date or time", text, 0);
        }
        DateCellFormat shape = date == null ? DateCellFormat.TIME : time == null ? DateCellFormat.DATE
                : DateCellFormat.DATE_TIME;
        // a time alone is a time on the workbook's day 0, as a day number below 1 is
        LocalDate day = date != null ? date : DateUtil.getLocalDateTime(0, date1904).toLocalDate();
        LocalDateTime value = day.atTime(time != null ? time : LocalTime.MIDNIGHT);
        return new IsoDateCell(value.plusNanos(500_000_000).truncatedTo(ChronoUnit.SECONDS), shape);
    }
}
