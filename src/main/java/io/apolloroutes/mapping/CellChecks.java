package io.apolloroutes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.ingest.BinaryCharacters;
import io.apolloroutes.ingest.HeaderNames;
import io.apolloroutes.ingest.SourceRecord;
import io.apolloroutes.ingest.TableLayout;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rules every cell the pack reads meets before it is mapped, in every format, each failure making its row invalid,
 * named by row and column, while the rest of the file goes on:
 * <ul>
 *   <li>the cell-length limit ({@code input.max-cell-length}): a longer cell is nearly always a paste
 *       gone wrong (a whole document in one cell), not an email;</li>
 *   <li>text only: no control characters other than tab and line breaks, no replacement character
 *       (U+FFFD, left where an earlier conversion lost a character) and no half of a surrogate pair.
 *       The CSV reader refuses binary files whole, but text with a byte-order mark, JSON strings
 *       ({@code "\u0000"}) and workbook cells ({@code _x0000_}) can carry such characters one cell at a
 *       time, and none of them belongs in an email.</li>
 * </ul>
 */
final class CellChecks {

    private CellChecks() {
    }

    /**
     * Checks the cells of a row of a table or a flat JSON row. Cells of unknown columns are not checked:
     * the pack never reads them, and the report already names their columns as ignored.
     */
    static void check(SourceRecord record, TableLayout layout, HeaderNames columns, int maxLength,
                      List<Problem> problems) {
        if (record instanceof SourceRecord.TableRow row) {
            List<String> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                if (row.cellProblems().containsKey(i) || layout != null && layout.isUnknown(i)) {
                    // the reader has already said what is wrong with this cell, or it is never read
                    continue;
                }
                String label = layout != null && i < layout.labels().size() ? layout.labels().get(i) : null;
                check(row.number(), label, null, cells.get(i), maxLength, problems);
            }
        } else if (record instanceof SourceRecord.JsonRow row) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields().fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!columns.isUnknown(field.getKey())) {
                    checkJson(row.number(), field.getKey(), null, field.getValue(), maxLength, problems);
                }
            }
        }
    }

    /**
     * The text rules for a sequence written in Apollo's own JSON shape, each problem named by its JSON
     * path (its length is Apollo's to judge, as for every field of that shape).
     */
    static List<Problem> checkApolloShaped(SourceRecord.JsonSequence record) {
        List<Problem> problems = new ArrayList<>();
        checkJson(record.number(), null, "", record.body(), Integer.MAX_VALUE, problems);
        return problems;
    }

    private static void checkJson(int row, String label, String path, JsonNode value, int maxLength,
                                  List<Problem> problems) {
        if (value.isTextual()) {
            check(row, label, path == null || path.isEmpty() ? null : path, value.asText(), maxLength, problems);
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                checkJson(row, label, path == null ? null : path + "[" + i + "]", value.get(i), maxLength, problems);
            }
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String inner = path == null ? null : path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                checkJson(row, label, inner, field.getValue(), maxLength, problems);
            }
        }
    }

    private static void check(int row, String label, String path, String value, int maxLength,
                              List<Problem> problems) {
        if (value == null) {
            return;
        }
        if (value.length() > maxLength) {
            problems.add(new Problem(List.of(row), label, path, value, String.format("is %,d characters long, more"
                    + " than the %,d a cell may have (input.max-cell-length); shorten it", value.length(), maxLength)));
            return;
        }
        String notText = notText(value);
        if (notText != null) {
            // the value is not quoted: it would carry the very character into logs and reports
            problems.add(new Problem(List.of(row), label, path, null, notText));
        }
    }

    /** What in {@code value} is not text, said for a person with the place to look; null when it is all text. */
    static String notText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= ' ' && c < 0x7F) {
                continue;
            }
            if (isControl(c)) {
                return String.format("holds the control character U+%04X at character %d, which is not text and"
                        + " cannot go into an email; it usually comes from a copy out of another program: delete it",
                        (int) c, place(value, i));
            }
            if (c == '\uFFFD') {
                return "holds the replacement character U+FFFD (\uFFFD) at character " + place(value, i) + ", left where an"
                        + " earlier conversion of this text lost a character; retype the text around it";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("holds half of a character (the unpaired surrogate U+%04X) at character %d;"
                        + " retype the text around it", (int) c, place(value, i));
            }
        }
        return null;
    }

    /** The place of the character at {@code index} as a person counts: an emoji is one character. */
    private static int place(String value, int index) {
        return value.codePointCount(0, index) + 1;
    }

    /** What the text readers take for binary data, and delete and the C1 controls, which no text needs either. */
    private static boolean isControl(char c) {
        return BinaryCharacters.isBinary(c) || (c >= 0x7F && c <= 0x9F);
    }
}
