package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical input columns. Each belongs to the sequence, to a step, or to one email variant
 * (touch), maps to one Apollo field, and is recognised under its own name, Apollo's JSON name, or an
 * alias people use for it.
 */
public enum Column {
    SEQUENCE(Level.SEQUENCE, "name", Kind.TEXT, "sequence_name"),
    PERMISSIONS(Level.SEQUENCE, "permissions", Kind.CODE),
    ACTIVE(Level.SEQUENCE, "active", Kind.BOOLEAN),
    // references may be written by ID or by name (see the references package), and headed that way
    SCHEDULE_ID(Level.SEQUENCE, "emailer_schedule_id", Kind.TEXT, "schedule", "schedule_name"),
    OWNER_ID(Level.SEQUENCE, "user_id", Kind.TEXT, "owner", "owner_email"),
    LABELS(Level.SEQUENCE, "label_names", Kind.LIST),
    FOLDER_ID(Level.SEQUENCE, "folder_id", Kind.TEXT),
    EXACT_DAYTIME(Level.SEQUENCE, "sequence_by_exact_daytime", Kind.BOOLEAN),
    MAX_EMAILS_PER_DAY(Level.SEQUENCE, "max_emails_per_day", Kind.INTEGER),
    MARK_FINISHED_IF_REPLY(Level.SEQUENCE, "mark_finished_if_reply", Kind.BOOLEAN),
    MARK_FINISHED_IF_CLICK(Level.SEQUENCE, "mark_finished_if_click", Kind.BOOLEAN),
    MARK_FINISHED_IF_INTERESTED(Level.SEQUENCE, "mark_finished_if_interested", Kind.BOOLEAN),
    MARK_PAUSED_IF_OOO(Level.SEQUENCE, "mark_paused_if_ooo", Kind.BOOLEAN),
    DAYS_TO_WAIT_BEFORE_MARK_AS_RESPONSE(Level.SEQUENCE, "days_to_wait_before_mark_as_response", Kind.INTEGER),
    CREATE_TASK_IF_EMAIL_OPEN(Level.SEQUENCE, "create_task_if_email_open", Kind.BOOLEAN),
    EMAIL_OPEN_TRIGGER_TASK_THRESHOLD(Level.SEQUENCE, "email_open_trigger_task_threshold", Kind.INTEGER),
    SAME_ACCOUNT_REPLY_DELAY_DAYS(Level.SEQUENCE, "same_account_reply_delay_days", Kind.INTEGER),
    EXCLUDED_ACCOUNT_STAGE_IDS(Level.SEQUENCE, "excluded_account_stage_ids", Kind.LIST, "excluded_account_stages"),
    EXCLUDED_CONTACT_STAGE_IDS(Level.SEQUENCE, "excluded_contact_stage_ids", Kind.LIST, "excluded_contact_stages"),
    IGNORE_BOUNCE_LIST(Level.SEQUENCE, "ignore_apollo_global_email_bounce_list", Kind.BOOLEAN),
    RULESET_ID(Level.SEQUENCE, "sequence_ruleset_id", Kind.TEXT),

    // "Step #" and "Step No." are how sheets head a numbering column
    STEP(Level.STEP, "position", Kind.INTEGER, "step_#", "step_number", "step_no", "step_no."),
    TYPE(Level.STEP, "type", Kind.CODE),
    WAIT_TIME(Level.STEP, "wait_time", Kind.INTEGER),
    WAIT_MODE(Level.STEP, "wait_mode", Kind.CODE),
    DAY(Level.STEP, null, Kind.INTEGER),
    EXACT_DATETIME(Level.STEP, "exact_datetime", Kind.TEXT),
    PRIORITY(Level.STEP, "priority", Kind.CODE),
    NOTE(Level.STEP, "note", Kind.TEXT),

    SUBJECT(Level.TOUCH, "subject", Kind.TEXT),
    BODY(Level.TOUCH, "body_html", Kind.TEXT),
    TOUCH_TYPE(Level.TOUCH, "type", Kind.CODE),
    STATUS(Level.TOUCH, "status", Kind.CODE),
    INCLUDE_SIGNATURE(Level.TOUCH, "include_signature", Kind.BOOLEAN),
    /** How the body cell is written (html, text, markdown); not sent, it decides how body_html is built. */
    BODY_FORMAT(Level.TOUCH, null, Kind.CODE);

    /** Which part of a sequence a column describes. */
    public enum Level { SEQUENCE, STEP, TOUCH }

    /** How a cell is read: see {@code CellValues} in the mapping stage. */
    public enum Kind { TEXT, CODE, BOOLEAN, INTEGER, LIST }

    private final Level level;
    private final String apolloField;
    private final Kind kind;
    private final List<String> aliases;

    Column(Level level, String apolloField, Kind kind, String... aliases) {
        this.level = level;
        this.apolloField = apolloField;
        this.kind = kind;
        this.aliases = List.of(aliases);
    }

    public Level level() {
        return level;
    }

    /**
     * The Apollo JSON field this column fills, or null for {@link #DAY} (converted to wait_time) and
     * {@link #BODY_FORMAT} (it shapes body_html).
     */
    public String apolloField() {
        return apolloField;
    }

    public Kind kind() {
        return kind;
    }

    /** The documented column name, e.g. {@code wait_mode}. */
    public String canonicalName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Names a header may use for this column (after normalisation): its own, Apollo's JSON name, and
     * its aliases.
     */
    List<String> acceptedNames() {
        List<String> names = new ArrayList<>();
        names.add(canonicalName());
        boolean apolloNameIsOwn = apolloField == null || apolloField.equals(canonicalName())
                // "type" on a touch would clash with the step's type column
                || this == TOUCH_TYPE;
        if (!apolloNameIsOwn) {
            names.add(apolloField);
        }
        names.addAll(aliases);
        return List.copyOf(names);
    }
}
