package io.apolloroutes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.ingest.SourceRecord;
import io.apolloroutes.ingest.TableLayout;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The cell-length limit ({@code input.max-cell-length}): a cell longer than it makes its row invalid,
 * named by row and column, while the rest of the file goes on. Such a cell is nearly always a paste
 * gone wrong (a whole document in one cell), not an email.
 */
final class CellLengths {

    private CellLengths() {
    }

    static void check(SourceRecord record, TableLayout layout, int max, List<Problem> problems) {
        if (record instanceof SourceRecord.TableRow row) {
            List<String> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                String label = layout != null && i < layout.labels().size() ? layout.labels().get(i) : null;
                check(row.number(), label, cells.get(i), max, problems);
            }
        } else if (record instanceof SourceRecord.JsonRow row) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields().fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    check(row.number(), field.getKey(), field.getValue().asText(), max, problems);
                }
            }
        }
    }

    private static void check(int row, String label, String value, int max, List<Problem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(List.of(row), label, null, value, String.format("is %,d characters long, more than"
                    + " the %,d a cell may have (input.max-cell-length); shorten it", value.length(), max)));
        }
    }
}
