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
     */
    record Location(List<Integer> rows, String column) {
    }

    /** For JSON objects: everything comes from one element, and the JSON path is the location. */
    static SourceLocator wholeRecord(int number) {
        return path -> new Location(List.of(number), null);
    }
}
