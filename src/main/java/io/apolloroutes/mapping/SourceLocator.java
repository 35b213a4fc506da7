package io.apolloroutes.mapping;

import java.util.List;

/**
 * Finds where a part of an Apollo request came from in the user's file, so a rule that fails on
 * {@code emailer_steps[1].emailer_touches[0].emailer_template.body_html} can name the row and the
 * "Body" column.
 */
public interface SourceLocator {

    Location locate(String jsonPath);

    /**
     * @param rows   the rows, elements or lines behind the path
     * @param column the user's header for the field, or null when the input has no columns
     * @param typed  the cell as the user typed it ("Auto Emial", "3,0"), when the field's value was read
     *               from one cell; null when it was computed, defaulted or is one entry of a list
     */
    record Location(List<Integer> rows, String column, String typed) {

        public Location(List<Integer> rows, String column) {
            this(rows, column, null);
        }
    }

    /** For JSON objects: everything comes from one element, and the JSON path is the location. */
    static SourceLocator wholeRecord(int number) {
        return path -> new Location(List.of(number), null);
    }
}
