package io.apolloroutes.ingest;

import java.util.List;

/**
 * Record numbers of a workbook read as two tables, a {@code Sequences} sheet and a {@code Steps}
 * sheet. Record numbers are plain ints everywhere in the pipeline (spool, problems, report); for these
 * files the int carries the sheet as well: {@code sheet × 10,000,000 + row}, so Sequences row 3 is
 * 10000003 and Steps row 4 is 20000004. Excel sheets have at most 1,048,576 rows, so the parts never
 * run into each other, and the numbers still sort Sequences before Steps and by row.
 *
 * <p>Single-sheet workbooks and every other format use plain row numbers. Only files whose format is a
 * workbook are ever decoded (see {@code mapping.RowNumbers}), so a very long CSV cannot be mistaken for
 * one.
 */
public final class SheetRowNumbers {

    /** The sheets in the order of their tags (1, 2), as named in messages. */
    public static final List<String> SHEETS = List.of("Sequences", "Steps");

    static final int SEQUENCES = 1;
    static final int STEPS = 2;

    private static final int FACTOR = 10_000_000;

    private SheetRowNumbers() {
    }

    /** The record number of a row of one of the two sheets. */
    static int encode(int sheet, int row) {
        return sheet * FACTOR + row;
    }

    /** True when the number names a sheet as well as a row. */
    public static boolean hasSheet(int number) {
        return number > FACTOR;
    }

    /** "Sequences" or "Steps"; only for numbers that {@link #hasSheet have a sheet}. */
    public static String sheetOf(int number) {
        return SHEETS.get(number / FACTOR - 1);
    }

    /** The row number as the spreadsheet shows it. */
    public static int rowOf(int number) {
        return number % FACTOR;
    }
}
