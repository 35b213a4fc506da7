package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Which sheets of a workbook are read: the sheet the source names, else the pair {@code Sequences}
 * and {@code Steps}, else the first sheet a person sees (hidden sheets usually hold lookup lists, not
 * the data) that holds rows: a chart sheet in front, a dashboard tab, is passed over. Sheet names are
 * matched without regard to case or surrounding spaces, as Excel does.
 *
 * @param single    the one sheet read as a table, or null for the pair
 * @param sequences the Sequences sheet of the pair
 * @param steps     the Steps sheet of the pair
 * @param others    when the single sheet was taken for being the first visible one: the other visible
 *                  sheets, which may be the one meant; otherwise empty
 */
record WorkbookSheets(Sheet single, Sheet sequences, Sheet steps, List<String> others) {

    boolean isPair() {
        return single == null;
    }

    /** @param notWorksheets the sheets that hold no rows (chart sheets), by name, with what kind they are */
    static WorkbookSheets choose(Workbook workbook, String wanted, Map<String, String> notWorksheets) {
        int count = WorkbookFailures.guard(workbook::getNumberOfSheets);
        if (count == 0) {
            throw new UnreadableInputException(0, "has no sheets");
        }
        if (wanted != null && !wanted.isBlank()) {
            int index = find(workbook, wanted);
            if (index < 0) {
                throw new UnreadableInputException(0, "has no sheet named \"" + wanted.strip() + "\"; its sheets are "
                        + String.join(", ", names(workbook).stream().map(n -> "\"" + n + "\"").toList()));
            }
            String kind = notWorksheets.get(workbook.getSheetName(index));
            if (kind != null) {
                throw new UnreadableInputException(0, "has no rows on sheet \"" + workbook.getSheetName(index)
                        + "\", " + kind + ", not a worksheet; name the sheet with the rows in input.sheet or the"
                        + " source's sheet setting");
            }
            return new WorkbookSheets(sheet(workbook, index), null, null, List.of());
        }
        int sequences = find(workbook, SheetRowNumbers.SHEETS.get(0));
        int steps = find(workbook, SheetRowNumbers.SHEETS.get(1));
        if (sequences >= 0 && steps >= 0 && !notWorksheets.containsKey(workbook.getSheetName(sequences))
                && !notWorksheets.containsKey(workbook.getSheetName(steps))) {
            return new WorkbookSheets(null, sheet(workbook, sequences), sheet(workbook, steps), List.of());
        }
        List<Integer> visible = new ArrayList<>();
        boolean othersShown = false;
        for (int i = 0; i < count; i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                if (notWorksheets.containsKey(workbook.getSheetName(i))) {
                    othersShown = true;
                } else {
                    visible.add(i);
                }
            }
        }
        if (!visible.isEmpty()) {
            List<String> names = names(workbook);
            return new WorkbookSheets(sheet(workbook, visible.get(0)), null, null,
                    visible.subList(1, visible.size()).stream().map(names::get).toList());
        }
        throw new UnreadableInputException(0, (othersShown ? "shows only sheets without rows (such as chart sheets);"
                + " the worksheets are hidden: unhide" : "has only hidden sheets; unhide") + " the sheet to read (or name"
                + " it in the source's sheet setting)");
    }

    private static int find(Workbook workbook, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        List<String> names = names(workbook);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> names(Workbook workbook) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            names.add(workbook.getSheetName(i));
        }
        return names;
    }

    private static Sheet sheet(Workbook workbook, int index) {
        return WorkbookFailures.guard(() -> workbook.getSheetAt(index));
    }
}
