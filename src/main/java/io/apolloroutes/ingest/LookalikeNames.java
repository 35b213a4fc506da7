package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sequence names of one file that differ only in case or in the blanks between words ("Q1 Outbound" and
 * "Q1 outbound"). Each is a sequence of its own, in the pack and in Apollo, which is seldom what was meant:
 * the rows of one sequence typed two ways become two sequences, each missing the other's steps.
 */
final class LookalikeNames {

    private static final Pattern BLANKS = Pattern.compile("[\\s\\h]+");
    private static final int NAMED = 5;

    private LookalikeNames() {
    }

    /** The name as a person reads it: blanks alike and case ignored. */
    static String loosely(String name) {
        return BLANKS.matcher(name).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** A warning naming the first few pairs of lookalike names, in order of first appearance; empty when there are none. */
    static Optional<String> warning(Iterable<String> names) {
        Map<String, String> first = new HashMap<>();
        List<String> pairs = new ArrayList<>();
        int found = 0;
        for (String name : names) {
            String earlier = first.putIfAbsent(loosely(name), name);
            if (earlier != null) {
                if (found++ < NAMED) {
                    pairs.add("'" + earlier + "' and '" + name + "'");
                }
            }
        }
        if (found == 0) {
            return Optional.empty();
        }
        return Optional.of("sequence names that differ only in case or spaces are different sequences: "
                + String.join(", ", pairs) + (found > NAMED ? String.format(Locale.ROOT, " (and %,d more)", found - NAMED)
                : "") + "; if they are meant to be one, write the name the same way on every row");
    }
}
