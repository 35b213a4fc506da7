package io.apolloroutes.ingest;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date and time as a spreadsheet holds it, a wall-clock time without a zone, read in the source's
 * time zone ({@code input.time-zone}) and written as ISO-8601 with that zone's offset on that day:
 * {@code 2026-12-01T09:30:00+01:00} for 09:30 in Europe/Berlin. A time the clocks skip when they go
 * forward is refused rather than moved an hour on; in the hour they repeat, the earlier of the two is
 * meant.
 */
public final class WallClock {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    /**
     * A date and time without an offset, as typed or as a spreadsheet's CSV export writes one
     * ({@code 2026-12-01 09:30}, LibreOffice's and Google Sheets' export of a date-time cell), or as
     * ISO-8601 ({@code 2026-12-01T09:30:00}); a fraction of a second is dropped, as a step runs to the
     * second.
     */
    private static final Pattern WRITTEN = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?");

    private WallClock() {
    }

    /** A wall-clock time that does not exist in the zone: the clocks go from just before it to after it. */
    public static final class SkippedTime extends IllegalArgumentException {
        SkippedTime(String message) {
            super(message);
        }
    }

    /**
     * @throws SkippedTime when the clocks skip that time in the zone, saying so
     */
    public static String inZone(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            throw new SkippedTime(String.format("is not a time in %s (input.time-zone): on %s the clocks go forward"
                    + " from %3$s to %4$s; write a time before %3$s, or from %4$s on", zone.getId(), local.toLocalDate(),
                    transition.getDateTimeBefore().toLocalTime(), transition.getDateTimeAfter().toLocalTime()));
        }
        return ISO.format(local.atZone(zone));
    }

    /**
     * The text with its wall-clock time read in the zone, when it is a date and time without an offset;
     * other text as it is (an offset the text gives is kept, and anything else is validation's to judge).
     *
     * @throws IllegalArgumentException for a time the clocks skip, or a date or time that does not exist
     *                                  ({@code 2026-02-30}, {@code 24:00})
     */
    public static String inZone(String text, ZoneId zone) {
        Matcher written = WRITTEN.matcher(text);
        if (!written.matches()) {
            return text;
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.of(Integer.parseInt(written.group(1)), Integer.parseInt(written.group(2)),
                    Integer.parseInt(written.group(3)), Integer.parseInt(written.group(4)),
                    Integer.parseInt(written.group(5)), written.group(6) == null ? 0 : Integer.parseInt(written.group(6)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is no date and time that exists (a month after 12, a day the month"
                    + " does not have, an hour after 23); write it as year-month-day and the time of day from 00:00 to"
                    + " 23:59, such as 2026-12-01 09:30", e);
        }
        return inZone(local, zone);
    }
}
