package io.apolloroutes.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Short random strings over a small alphabet, for comparing a fast reader with the slow one it replaced:
 * an alphabet of the characters that matter finds the corner cases that examples miss. Seeded, so a
 * failure comes back on every run.
 */
public final class RandomText {

    private RandomText() {
    }

    /** @param alphabet repeat a character to make it more frequent */
    public static List<String> strings(long seed, int count, String alphabet, int minLength, int maxLength) {
        Random random = new Random(seed);
        List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char[] text = new char[minLength + random.nextInt(maxLength - minLength + 1)];
            for (int c = 0; c < text.length; c++) {
                text[c] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            strings.add(new String(text));
        }
        return strings;
    }
}
