package io.apolloroutes.ratelimit;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which window Apollo names in the text of a 429: "The maximum number of api calls allowed for
 * api/v1/sequences is 600 times per hour. Please upgrade …". The one place that knows that text.
 */
public final class RefusalText {

    private static final Pattern WINDOW = Pattern.compile("per (minute|hour|day)\\b", Pattern.CASE_INSENSITIVE);

    private RefusalText() {
    }

    /** {@code minute}, {@code hour} or {@code day}; empty when the text names none. */
    public static Optional<String> window(String text) {
        Matcher window = WINDOW.matcher(text);
        return window.find() ? Optional.of(window.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The text names the hour or the day: waiting seconds cannot help. */
    public static boolean namesALongWindow(String text) {
        return window(text).filter(window -> !window.equals("minute")).isPresent();
    }
}
