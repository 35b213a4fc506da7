package io.apolloroutes.ingest;

import com.github.pjfanning.xlsx.impl.StreamingCell;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Turns a worksheet cell into the text the rest of the pack reads, the same text a CSV export would
 * hold for it: numbers as plain decimals ({@code 3}, not {@code 3.0}), dates as ISO-8601, booleans as
 * {@code true}/{@code false}, formulas as their saved result. Formulas are never evaluated: the saved
 * result is what the person saw when they saved the file.
 */
final class CellText {

    /** Excel shows and keeps 15 significant digits; more are binary noise such as 0.30000000000000004. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    /** Below this every whole number is a double exactly, so its digits are the ones written. */
    private static final double EXACT_WHOLE = 0x1p53;
    /** A whole number as a program writes it, with more digits than a double holds exactly. */
    private static final Pattern LONG_WHOLE = Pattern.compile("([-+]?)0*([1-9][0-9]{15,})");
    /** =HYPERLINK("address", "text"): the address when it is written out in the formula. */
    private static final Pattern HYPERLINK = Pattern.compile("(?i)\\s*HYPERLINK\\s*\\(\\s*(?:\"((?:[^\"]|\"\")*)\")?");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * A cell's text, and why it holds no usable value when it does not (null for almost every cell).
     */
    record Value(String text, String problem) {

        static final Value EMPTY = new Value("", null);

        boolean isBlank() {
            return problem == null && text.isBlank();
        }
    }

    private final boolean date1904;
    private final ZoneId zone;
    // a format index stands for one format in a workbook; deciding whether it is a date parses the
    // format, and POI's own cache holds only the last one, so alternating columns would parse per cell
    private final Map<Short, Optional<DateStyle>> dateStyles = new HashMap<>();

    /**
     * @param date1904 the workbook counts days from 1904 (old Mac Excel) instead of 1900
     * @param zone     where date-times without a zone are meant; dates without a time ignore it
     */
    CellText(boolean date1904, ZoneId zone) {
        this.date1904 = date1904;
        this.zone = zone;
    }

    Value of(Cell cell) {
        if (cell == null) {
            return Value.EMPTY;
        }
        try {
            CellType type = type(cell, false);
            boolean formula = type == CellType.FORMULA;
            if (formula) {
                type = type(cell, true);
            }
            return switch (type) {
                case STRING -> formula ? linkOrText(cell) : new Value(text(cell), null);
                // openpyxl writes a formula it did not calculate as <f> and an empty <v>, which the
                // streaming reader calls a number; Excel writes an empty result as text (t="str")
                case NUMERIC -> formula && "".equals(XlsxStoredCell.text(cell)) ? noSavedResult(cell)
                        : new Value(number(cell), null);
                case BOOLEAN -> new Value(Boolean.toString(cell.getBooleanCellValue()), null);
                case ERROR -> error(cell, formula);
                case BLANK -> formula ? noSavedResult(cell) : Value.EMPTY;
                default -> Value.EMPTY;
            };
        } catch (WallClock.SkippedTime e) {
            return new Value("", e.getMessage());
        } catch (RuntimeException e) {
            // one damaged cell is that row's problem, not the whole file's
            return new Value("", "cannot be read (the value stored in the file is damaged); type the value again");
        }
    }

    /**
     * The cell's type, or for {@code cached} the type of a formula's saved result. excel-streaming-reader
     * works out a number's display text (through POI's {@code DataFormatter}) before it says what type
     * a cell is, and that fails for number formats with a language tag, which Excel 2016 and later
     * write ({@code [$-x-sysdate]dddd, mmmm dd, yyyy} for "Long Date", {@code [$-en-US]m/d/yyyy}): the
     * cell would be reported as damaged. The display text is never used here, so such a cell's type is
     * taken from what the file stores.
     */
    private static CellType type(Cell cell, boolean cached) {
        try {
            return cached ? cell.getCachedFormulaResultType() : cell.getCellType();
        } catch (RuntimeException e) {
            String stored = XlsxStoredCell.type(cell);
            if ("n".equals(stored) || "d".equals(stored)) {
                String text = XlsxStoredCell.text(cell);
                return text == null || text.isEmpty() ? CellType.BLANK : CellType.NUMERIC;
            }
            throw e;
        }
    }

    /**
     * The streaming reader hands over xlsx text as the file stores it, escapes and all; POI's own
     * cells (the {@code .xls} ones here) hold it as typed.
     */
    private static String text(Cell cell) {
        String text = cell.getStringCellValue();
        return cell instanceof StreamingCell ? XlsxEscapes.decode(text) : text;
    }

    private String number(Cell cell) {
        Optional<DateStyle> style = dateStyle(cell.getCellStyle());
        IsoDateCell iso = IsoDateCell.of(cell, date1904);
        if (iso != null) {
            // a date format decides what is shown, as for a day number; without one, the stored text does
            DateCellFormat shape = style.map(s -> s.shape(iso)).orElse(iso.shape());
            return shape == DateCellFormat.ELAPSED ? elapsed(DateUtil.getExcelDate(iso.value(), date1904))
                    : date(iso.value(), shape);
        }
        double value = cell.getNumericCellValue();
        if (style.isPresent() && DateUtil.isValidExcelDate(value)) {
            LocalDateTime local = DateUtil.getLocalDateTime(value, date1904, true);
            DateCellFormat shape = style.get().shape(value, local);
            return shape == DateCellFormat.ELAPSED ? elapsed(value) : date(local, shape);
        }
        String stored = XlsxStoredCell.text(cell);
        Matcher whole = stored == null ? null : LONG_WHOLE.matcher(stored.strip());
        if (whole != null && whole.matches()) {
            // an ID a program wrote with all its digits (excelize writes an int64 so): the double has
            // lost some, the file has not
            return ("-".equals(whole.group(1)) ? "-" : "") + whole.group(2);
        }
        return plainDecimal(value);
    }

    private Optional<DateStyle> dateStyle(CellStyle style) {
        if (style == null) {
            return Optional.empty();
        }
        return dateStyles.computeIfAbsent(style.getDataFormat(),
                index -> DateStyle.of(index, style.getDataFormatString()));
    }

    /**
     * A date-only cell is taken straight from its day, never through a time zone, so it cannot move to
     * the day before or after. A date and time is the wall-clock time in the configured zone.
     */
    private String date(LocalDateTime local, DateCellFormat format) {
        return switch (format) {
            case DATE -> local.toLocalDate().toString();
            case TIME -> TIME.format(local.toLocalTime());
            case DATE_TIME -> WallClock.inZone(local, zone);
            case ELAPSED -> throw new IllegalArgumentException("an elapsed time is no point in time");
        };
    }

    /**
     * A length of time stored as days, as an elapsed-time format shows it: whole hours, however many, then
     * minutes and seconds ({@code 48:00:00} for 2). A day number read as a time of day would lose the days.
     */
    private static String elapsed(double days) {
        long seconds = Math.round(Math.abs(days) * 86_400);
        return String.format(Locale.ROOT, "%s%02d:%02d:%02d", days < 0 ? "-" : "", seconds / 3600, seconds / 60 % 60,
                seconds % 60);
    }

    static String plainDecimal(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0"; // also -0.0
        }
        if (value == Math.rint(value) && Math.abs(value) <= EXACT_WHOLE) {
            // a whole number is written exactly: rounding to 15 digits would turn a 16-digit ID
            // (which pandas, SheetJS and POI write exactly) into another one, and there is no
            // binary noise to remove from a whole number below 2^53
            return Long.toString((long) value);
        }
        return new BigDecimal(value).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
    }

    private static Value error(Cell cell, boolean formula) {
        String shown = errorText(cell);
        return new Value(shown, "shows the spreadsheet error " + shown + (formula
                ? "; fix the formula or type the value" : "; type the value"));
    }

    private static String errorText(Cell cell) {
        try {
            return FormulaError.forInt(cell.getErrorCellValue()).getString();
        } catch (RuntimeException e) {
            // the streaming reader has the error only as text for formula cells ("ERROR:  #N/A")
            String raw = cell.getStringCellValue();
            return raw.contains("#") ? raw.substring(raw.indexOf('#')).strip() : "#ERROR";
        }
    }

    /**
     * A formula's text, unless it is a link ({@code =HYPERLINK("https://cal.example/ada", "Book a call")}):
     * only a cell's text is read, so the email would go out with "Book a call" and no link to book it by.
     * A link that shows its own address loses nothing.
     */
    private static Value linkOrText(Cell cell) {
        String text = text(cell);
        String formula;
        try {
            formula = cell.getCellFormula();
        } catch (RuntimeException e) {
            return new Value(text, null);
        }
        Matcher link = HYPERLINK.matcher(formula);
        if (!link.lookingAt()) {
            return new Value(text, null);
        }
        String address = link.group(1) == null ? null : link.group(1).replace("\"\"", "\"");
        if (address != null && SheetLinks.showsItself(address.strip(), text.strip())) {
            return new Value(text, null);
        }
        String to = address == null ? "made by =HYPERLINK" : "to " + address + " (=HYPERLINK)";
        return new Value(text, SheetLinks.lostLink(to, address, text.strip()));
    }

    private static Value noSavedResult(Cell cell) {
        String formula;
        try {
            formula = "=" + cell.getCellFormula();
        } catch (RuntimeException e) {
            formula = "a formula";
        }
        return new Value("", "holds " + formula + " without a saved result (the program that wrote the file did"
                + " not calculate it); open the file in Excel or LibreOffice and save it again, or type the value");
    }
}
