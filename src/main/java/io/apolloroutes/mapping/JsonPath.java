package io.apolloroutes.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed request path such as {@code emailer_steps[1].emailer_touches[0].emailer_template.subject}. */
record JsonPath(List<Segment> segments) {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)(?:\\[(\\d+)])?");

    /** One name with an optional list index. */
    record Segment(String name, Integer index) {
    }

    static JsonPath parse(String path) {
        List<Segment> segments = new ArrayList<>();
        if (path != null) {
            Matcher matcher = SEGMENT.matcher(path);
            while (matcher.find()) {
                segments.add(new Segment(matcher.group(1),
                        matcher.group(2) == null ? null : Integer.valueOf(matcher.group(2))));
            }
        }
        return new JsonPath(segments);
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    int size() {
        return segments.size();
    }

    Segment segment(int index) {
        return segments.get(index);
    }

    Segment last() {
        return segments.get(segments.size() - 1);
    }
}
