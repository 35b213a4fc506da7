package io.apolloroutes.ingest;

import java.util.List;

/**
 * A header of the wide layout (one row per sequence): a step or email column numbered with its step,
 * such as {@code Step 2 Wait Days}, {@code step1_body_b} or {@code Email 3 Subject}.
 *
 * @param step     the step number as written; 1 is the first step
 * @param variant  the email variant, {@code 'a'} for a header without a letter; only email columns
 *                 ({@link Column.Level#TOUCH}) may name another
 * @param column   the step-row column it stands for
 * @param waitMode the wait unit the header implies ({@code Wait Days} → {@code day}), or null
 */
public record NumberedColumn(int step, char variant, Column column, String waitMode) {

    /** The step-row columns the header fills: its column, and wait_mode when the header names the unit. */
    public List<Column> fills() {
        return waitMode == null ? List.of(column) : List.of(column, Column.WAIT_MODE);
    }

    /** A slot for messages: {@code step 2 wait_mode}, {@code step 1 body (variant b)}. */
    static String describe(int step, char variant, Column column) {
        return "step " + step + " " + column.canonicalName()
                + (column.level() == Column.Level.TOUCH && variant != 'a' ? " (variant " + variant + ")" : "");
    }

    /**
     * The documented header of a slot, {@code step_2_wait_time} or {@code step_1_body_b}: the name a message
     * uses for a column the file does not have, which is also the header to add.
     */
    public static String documentedHeader(int step, char variant, Column column) {
        return "step_" + step + "_" + column.canonicalName()
                + (column.level() == Column.Level.TOUCH && variant != 'a' ? "_" + variant : "");
    }
}
