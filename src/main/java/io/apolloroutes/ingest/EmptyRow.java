package io.apolloroutes.ingest;

import java.util.List;

/**
 * Whether a row shows anything. Besides blank cells, a row may hold checkboxes left unchecked: Google
 * Sheets and Excel (Insert &gt; Checkbox) keep FALSE in every unchecked box, and a column of them often
 * runs far below the rows filled in, as formatting does; their CSV exports write the FALSE too. A row
 * of nothing but empty boxes is an empty row to the person who made it, not a row of data without a
 * sequence name.
 */
final class EmptyRow {

    private EmptyRow() {
    }

    /** True when every cell is blank or FALSE (an unchecked box). */
    static boolean showsNothing(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank() && !cell.strip().equalsIgnoreCase("false")) {
                return false;
            }
        }
        return true;
    }
}
