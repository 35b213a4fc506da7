package io.apolloroutes.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Writes row numbers the way people read them: "row 4", "rows 4-6", "rows 2, 5, 9-11". */
public final class RowNumbers {

    private static final int MAX_RANGES = 8;

    private RowNumbers() {
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

    private static String range(int start, int end) {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }
}
