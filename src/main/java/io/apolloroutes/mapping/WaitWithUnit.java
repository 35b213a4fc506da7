package io.apolloroutes.mapping;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wait written with its unit in the wait cell ("3 days", "48h", "2 weeks"), where Apollo takes a number
 * and, apart from it, a unit (minute, hour or day). Says what to write instead.
 *
 * @param number the number as written
 * @param unit   minute, hour, day or week
 */
record WaitWithUnit(long number, String unit) {

    /** Up to nine digits, so that any conversion stays far inside a long; larger numbers get no advice. */
    private static final Pattern NUMBER_AND_WORD = Pattern.compile("(\\d{1,9})\\s*(\\p{L}+)");
    private static final Map<String, Long> MINUTES = Map.of("minute", 1L, "hour", 60L, "day", 1_440L, "week", 10_080L);

    /** The wait in the cell, when it is a number and a unit word; empty for anything else ("soon", "3 months"). */
    static Optional<WaitWithUnit> of(String raw) {
        Matcher written = NUMBER_AND_WORD.matcher(raw.strip());
        String unit = written.matches() ? CellValues.unit(written.group(2)) : null;
        return unit == null ? Optional.empty() : Optional.of(new WaitWithUnit(Long.parseLong(written.group(1)), unit));
    }

    /**
     * What to write when the step already has its unit.
     *
     * @param stepUnit minute, hour or day
     * @param from     what gives it, for the message: {@code the column counts days}, {@code "Wait Mode" says day}
     */
    String adviceIn(String stepUnit, String from) {
        OptionalLong value = in(stepUnit);
        return "must be a whole number of " + stepUnit + "s, as " + from
                + (value.isPresent() ? ": write " + value.getAsLong() : "");
    }

    /**
     * What to write when nothing gives the step's unit yet: the number here, the unit in the wait mode column;
     * weeks as days, which Apollo has.
     *
     * @param modeColumn how to name the wait mode column, or where to add it
     */
    Optional<String> adviceWithout(String modeColumn) {
        String apolloUnit = unit.equals("week") ? "day" : unit;
        OptionalLong value = in(apolloUnit);
        return value.isEmpty() ? Optional.empty() : Optional.of("must be a whole number; "
                + (unit.equals("week") ? "Apollo waits in minutes, hours or days: " : "") + "write " + value.getAsLong()
                + " here and " + apolloUnit + " in " + modeColumn);
    }

    /** The wait in whole {@code target} units, when it is a whole number of them that fits an int. */
    private OptionalLong in(String target) {
        long minutes = number * MINUTES.get(unit);
        long per = MINUTES.get(target);
        return minutes % per == 0 && minutes / per <= Integer.MAX_VALUE ? OptionalLong.of(minutes / per)
                : OptionalLong.empty();
    }
}
