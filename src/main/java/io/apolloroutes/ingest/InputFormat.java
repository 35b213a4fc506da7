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

    /** The format for a file name, or empty when the extension is not one the pack reads. */
    public static Optional<InputFormat> forFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
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
