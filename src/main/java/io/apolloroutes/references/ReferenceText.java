package io.apolloroutes.references;

import io.apolloroutes.ingest.EdgeBlanks;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a reference cell is read: an Apollo ID, an email address, or a name; and how names compare.
 * Schedules, owners and stages may be written either way, so this decides which one a value is.
 */
public final class ReferenceText {

    /** An Apollo ID: 24 hex digits. */
    public static final String ID_PATTERN = "[0-9a-fA-F]{24}";

    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    /**
     * A long run of hex digits is an ID with a character too many or too few (a copy that lost its
     * end), not a name: no one names a schedule "64a1f0c2e4b0a1b2c3d4e5f".
     */
    private static final Pattern ID_LIKE = Pattern.compile("[0-9a-fA-F]{16,}");
    private static final Pattern DIGIT = Pattern.compile(".*[0-9].*");
    /** Unicode spaces too: cells pasted from web pages and sheets carry no-break spaces. */
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    private ReferenceText() {
    }

    /** An Apollo object ID: 24 hexadecimal characters (a MongoDB ObjectId). */
    public static boolean isId(String value) {
        return value != null && ID.matcher(trimmed(value)).matches();
    }

    /** Looks like an ID but is not one (see {@link #ID_LIKE}). */
    public static boolean isMistypedId(String value) {
        if (value == null) {
            return false;
        }
        String text = trimmed(value);
        return !isId(text) && ID_LIKE.matcher(text).matches() && DIGIT.matcher(text).matches();
    }

    /** Has the shape of an email address: something, an {@code @}, something, and no spaces. */
    public static boolean isEmail(String value) {
        if (value == null) {
            return false;
        }
        String text = trimmed(value);
        int at = text.indexOf('@');
        return at > 0 && at < text.length() - 1 && !WHITESPACE.matcher(text).find();
    }

    /**
     * The form names are compared in, as a person compares them: case, surrounding spaces and runs
     * of spaces inside do not matter ("Business  Hours " is "business hours").
     */
    public static String key(String value) {
        return WHITESPACE.matcher(trimmed(value)).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** Without surrounding blanks, no-break and zero-width spaces included ({@link String#strip()} leaves those). */
    static String trimmed(String value) {
        return EdgeBlanks.strip(value);
    }
}
