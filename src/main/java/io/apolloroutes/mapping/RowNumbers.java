package io.apolloroutes.mapping;

import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.ingest.SheetRowNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes row numbers the way people read them: "row 4", "rows 4-6", "rows 2, 5, 9-11", and for a
 * workbook read as a Sequences sheet and a Steps sheet, "Sequences row 3, Steps rows 4-6". The one
 * place where record numbers that carry a sheet ({@link SheetRowNumbers}) are turned back into words.
 */
public final class RowNumbers {

    private static final int MAX_RANGES = 8;

    private RowNumbers() {
    }

    /** Row, element or line numbers of a file, in that file's words. */
    public static String describe(InputFile file, List<Integer> rows) {
        if (!carriesSheets(file, rows)) {
            return describe(file.recordWord(), rows);
        }
        List<String> parts = new ArrayList<>();
        bySheet(rows).forEach((sheet, sheetRows) ->
                parts.add(sheet.isEmpty() ? describe("row", sheetRows) : sheet + " " + describe("row", sheetRows)));
        return String.join(", ", parts);
    }

    /** One row inside a message's text: "row 4", or "Sequences row 2" for a two-sheet workbook. */
    public static String row(InputFile file, int number) {
        return carriesSheets(file, List.of(number)) ? describe(file, List.of(number)) : "row " + number;
    }

    /**
     * Row numbers for the report: the numbers themselves, or for a two-sheet workbook references such
     * as {@code "Steps!4"} (a spreadsheet's own way to name a row of a sheet).
     */
    public static List<Object> forReport(InputFile file, List<Integer> rows) {
        if (!carriesSheets(file, rows)) {
            return List.copyOf(rows);
        }
        return rows.stream().map(row -> SheetRowNumbers.hasSheet(row)
                ? SheetRowNumbers.sheetOf(row) + "!" + SheetRowNumbers.rowOf(row)
                : (Object) row).toList();
    }

    public static String describe(String word, List<Integer> rows) {
        TreeSet<Integer> sorted = new TreeSet<>(rows);
        if (sorted.size() == 1) {
            return word + " " + sorted.first();
        }
        List<String> ranges = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (Integer row : sorted) {
            if (start == null) {
                start = row;
            } else if (row != previous + 1) {
                ranges.add(range(start, previous));
                start = row;
            }
            previous = row;
        }
        ranges.add(range(start, previous));
        String joined = ranges.size() > MAX_RANGES
                ? String.join(", ", ranges.subList(0, MAX_RANGES)) + ", …"
                : String.join(", ", ranges);
        return word + "s " + joined;
    }

    /** True for a row of the Sequences sheet of a workbook read as a Sequences and a Steps sheet. */
    static boolean onSequencesSheet(InputFile file, int row) {
        return isWorkbook(file) && SheetRowNumbers.hasSheet(row)
                && SheetRowNumbers.SHEETS.get(0).equals(SheetRowNumbers.sheetOf(row));
    }

    private static boolean carriesSheets(InputFile file, List<Integer> rows) {
        return isWorkbook(file) && rows.stream().anyMatch(SheetRowNumbers::hasSheet);
    }

    private static boolean isWorkbook(InputFile file) {
        return file.format() != null && file.format().isWorkbook();
    }

    private static Map<String, List<Integer>> bySheet(List<Integer> rows) {
        Map<String, List<Integer>> bySheet = new LinkedHashMap<>();
        for (int row : new TreeSet<>(rows)) {
            String sheet = SheetRowNumbers.hasSheet(row) ? SheetRowNumbers.sheetOf(row) : "";
            bySheet.computeIfAbsent(sheet, s -> new ArrayList<>()).add(SheetRowNumbers.rowOf(row));
        }
        return bySheet;
    }

    private static String range(int start, int end) {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }
}
