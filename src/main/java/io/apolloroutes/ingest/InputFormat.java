package io.apolloroutes.ingest;

import java.util.Locale;
import java.util.Optional;

/** The input formats the inbox accepts, told apart by file extension. */
public enum InputFormat {
    CSV("row"),
    TSV("row"),
    JSON("element"),
    JSON_LINES("line"),
    XLSX("row"),
    XLS("row");

    private final String recordWord;

    InputFormat(String recordWord) {
        this.recordWord = recordWord;
    }

    /** What a person calls one record of this format in a message: row, element or line. */
    public String recordWord() {
        return recordWord;
    }

    public boolean isJson() {
        return this == JSON || this == JSON_LINES;
    }

    /** True for workbooks, whose record numbers may carry a sheet ({@link SheetRowNumbers}). */
    public boolean isWorkbook() {
        return this == XLSX || this == XLS;
    }

    /** The part of a file name after its last dot, in lower case; empty without one. */
    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * What to do with a file the pack does not read: for the spreadsheet files people drop by habit, how
     * to get a format it reads out of the program that made them; for anything else, the list.
     */
    public static String unreadableAdvice(String fileName) {
        String supported = "use .csv, .tsv, .txt, .xlsx, .xls, .json, .jsonl or .ndjson";
        return switch (extension(fileName)) {
            case "ods", "fods" -> "is an OpenDocument spreadsheet (LibreOffice, OpenOffice), which the pack does not"
                    + " read; save it as Excel 2007-365 (.xlsx) or export it as CSV, and drop that";
            case "numbers" -> "is an Apple Numbers document, which the pack does not read; in Numbers use File >"
                    + " Export To > Excel (.xlsx) or CSV, and drop that";
            case "xlsb" -> "is an Excel binary workbook, which the pack does not read; in Excel save it as Excel"
                    + " Workbook (.xlsx), and drop that";
            case "gsheet" -> "is a Google Drive shortcut, not the sheet itself; in Google Sheets use File > Download >"
                    + " Microsoft Excel (.xlsx) or CSV, or let the pack read the sheet itself (see scheduled sheet"
                    + " sync in the README)";
            default -> "is not a file type the pack reads; " + supported;
        };
    }

    /** The format for a file name, or empty when the extension is not one the pack reads. */
    public static Optional<InputFormat> forFileName(String fileName) {
        return switch (extension(fileName)) {
            case "csv" -> Optional.of(CSV);
            // Excel's "Unicode Text" is tab-separated UTF-16 saved as .txt
            case "tsv", "tab", "txt" -> Optional.of(TSV);
            case "json" -> Optional.of(JSON);
            case "jsonl", "ndjson" -> Optional.of(JSON_LINES);
            case "xlsx", "xlsm" -> Optional.of(XLSX);
            case "xls" -> Optional.of(XLS);
            default -> Optional.empty();
        };
    }
}
