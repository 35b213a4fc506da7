package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * A warning naming the first few pairs of lookalike names, in order of first appearance; empty when there
     * are none. A large file has hundreds of thousands of names, read when the spool's index of them is at
     * its largest: a first pass keeps only a number per name, and names are kept only where numbers meet.
     */
    static Optional<String> warning(Iterable<String> names) {
        int[] hashes = new int[1024];
        int count = 0;
        for (String name : names) {
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, count * 2);
            }
            hashes[count++] = loosely(name).hashCode();
        }
        Set<Integer> shared = shared(Arrays.copyOf(hashes, count));
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> first = new HashMap<>();
        List<String> pairs = new ArrayList<>();
        int found = 0;
        int index = 0;
        for (String name : names) {
            // the names come in the same order as in the first pass: only those whose number is shared are formed again
            if (!shared.contains(hashes[index++])) {
                continue;
            }
            String loose = loosely(name);
            String earlier = first.putIfAbsent(loose, name);
            if (earlier != null && found++ < NAMED) {
                pairs.add("'" + earlier + "' and '" + name + "'");
            }
        }
        if (found == 0) {
            return Optional.empty();
        }
        return Optional.of("sequence names that differ only in case or spaces are different sequences: "
                + String.join(", ", pairs) + (found > NAMED ? String.format(Locale.ROOT, " (and %,d more)", found - NAMED)
                : "") + "; if they are meant to be one, write the name the same way on every row");
    }

    /** The numbers that occur more than once. */
    private static Set<Integer> shared(int[] hashes) {
        Arrays.sort(hashes);
        Set<Integer> shared = new HashSet<>();
        for (int i = 1; i < hashes.length; i++) {
            if (hashes[i] == hashes[i - 1]) {
                shared.add(hashes[i]);
            }
        }
        return shared;
    }
}
