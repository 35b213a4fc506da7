package io.apolloroutes.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises header names: case-insensitive, with spaces, hyphens and underscores treated alike, so
 * "Wait Mode", "wait-mode" and "WAIT_MODE" all mean {@link Column#WAIT_MODE}. Numbered step headers of
 * the wide layout ("Step 2 Wait Days", "step1_body_b") are recognised by {@link #resolveNumbered}.
 */
public final class ColumnNames {

    /** The column the dead-letter files add; ignored on input so corrected files can be re-dropped. */
    public static final String ERROR_COLUMN = "_error";

    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");
    /**
     * A wait unit or a variant letter in brackets, read as a word of the header: "Wait (days)",
     * "Step 2 (B) Body". Other bracketed words stay, so "Body (HTML)" or "Owner (email)" beside "Body" or
     * "Owner" is an unknown column as before, not a second body or owner.
     */
    private static final Pattern BRACKETED_WORD = Pattern.compile("\\(\\s*(days|hours|minutes|[a-z])\\s*\\)");
    /**
     * Where a camel-case header starts a word: a capital after a lowercase letter ({@code WaitTime}), or
     * the last capital of a run that a lowercase letter follows ({@code HTMLBody}, {@code Email1BSubject}).
     * A run is at least two capitals, or a capital after a digit (the variant letter of
     * {@code Email1BSubject}); one capital starting a word is not, so {@code IDs} and {@code EMail} stay
     * whole words.
     */
    private static final Pattern CAMEL_CASE_WORD =
            Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=[\\p{Lu}\\d]\\p{Lu})(?=\\p{Lu}\\p{Ll})");
    /** Words the pack's names write as one that camel case writes as two: {@code Exact DateTime}. */
    private static final Pattern ONE_WORD = Pattern.compile("(?<=^|_)(date|day)_time(?=_|$)");
    private static final Map<String, Column> BY_NAME = new HashMap<>();
    private static final int NORMALISED_ENTRIES = 4_096;
    private static final int NORMALISED_KEY_LENGTH = 200;
    private static final Map<String, String> NORMALISED = new ConcurrentHashMap<>();

    /**
     * {@code step 2 body}, {@code step2_body}, {@code Step #2: Body}, {@code email 2 body}, after
     * normalisation; the field may end in a variant letter ({@code _b}, {@code (B)}, see
     * {@link #BRACKETED_WORD}). Nothing needs to
     * stand between the number and the field ({@code Step1Subject}, as camel-case headers run): no field
     * starts with a digit, so the number ends where the field begins. The letter may also follow the
     * number ({@code Email 1B Subject}, {@code Step 1 A Subject}, as sales teams number their A/B
     * emails), set off from the field: no field is one letter.
     */
    private static final Pattern NUMBERED = Pattern.compile("(?:step|email)_?#?0*(\\d{1,6})(?:_?([a-z])_)?:?_?(.+)");
    private static final Pattern VARIANT_SUFFIX = Pattern.compile("(.+)_([a-z])");
    /** Fields a numbered header may name: every step and email column but the step number itself. */
    private static final Map<String, Column> STEP_FIELDS = new HashMap<>();
    /** Wait fields that name their unit, as people head such columns; {@code wait} alone counts days. */
    private static final Map<String, String> WAIT_UNITS = Map.of(
            "wait", "day", "wait_days", "day", "wait_hours", "hour", "wait_minutes", "minute");

    static {
        for (Column column : Column.values()) {
            for (String name : column.acceptedNames()) {
                BY_NAME.put(name, column);
                if (column.level() != Column.Level.SEQUENCE && column != Column.STEP) {
                    STEP_FIELDS.put(name, column);
                }
            }
        }
        WAIT_UNITS.keySet().forEach(name -> STEP_FIELDS.put(name, Column.WAIT_TIME));
    }

    private ColumnNames() {
    }

    /**
     * The column a header names, or empty for an unknown header. A wait header that names its unit
     * ({@code Wait Days}) is the wait_time column; {@link #waitUnit} gives the unit.
     */
    public static Optional<Column> resolve(String header) {
        String name = normalise(header);
        Column column = BY_NAME.get(name);
        return Optional.ofNullable(column != null || !WAIT_UNITS.containsKey(name) ? column : Column.WAIT_TIME);
    }

    /**
     * The wait unit a step-row header names ({@code day} for {@code Wait Days} or {@code Wait}, {@code hour},
     * {@code minute}), or null for any other header: as in the wide layout, a team that waits in days
     * heads its column so rather than adding a wait_mode column of "day" on every row.
     */
    public static String waitUnit(String header) {
        return WAIT_UNITS.get(normalise(header));
    }

    /** The name a header stands for under a source's renames: the rename target, or the header itself. */
    public static Function<String, String> renamer(Map<String, String> renames) {
        Map<String, String> renamed = new HashMap<>();
        renames.forEach((from, to) -> renamed.put(normalise(from), to));
        return header -> renamed.getOrDefault(normalise(header), header);
    }

    /**
     * True when a header names a column the pack reads: a step-row column, or a numbered step column of
     * the wide layout (so a mapping file may rename "Touch 1 Text" to step_1_body).
     */
    public static boolean isKnown(String header) {
        return resolve(header).isPresent() || resolveNumbered(header).isPresent();
    }

    /**
     * The step, variant and column a numbered header of the wide layout names, or empty when the header
     * is not one. The variant letter is not checked against the field here: {@link StepColumns} reports
     * a letter on a step setting, naming the column.
     */
    public static Optional<NumberedColumn> resolveNumbered(String header) {
        Matcher numbered = NUMBERED.matcher(normalise(header));
        if (!numbered.matches()) {
            return Optional.empty();
        }
        String field = numbered.group(3);
        char variant = numbered.group(2) == null ? 'a' : numbered.group(2).charAt(0);
        if (!STEP_FIELDS.containsKey(field)) {
            Matcher suffixed = VARIANT_SUFFIX.matcher(field);
            // one letter per header: "Email 1B Subject B" says it twice
            if (numbered.group(2) != null || !suffixed.matches() || !STEP_FIELDS.containsKey(suffixed.group(1))) {
                return Optional.empty();
            }
            field = suffixed.group(1);
            variant = suffixed.group(2).charAt(0);
        }
        return Optional.of(new NumberedColumn(Integer.parseInt(numbered.group(1)), variant, STEP_FIELDS.get(field),
                WAIT_UNITS.get(field)));
    }

    public static boolean isErrorColumn(String header) {
        return ERROR_COLUMN.equals(normalise(header));
    }

    /**
     * The normal form of a header. Remembered, because flat JSON names its columns again on every row,
     * and three regular expressions per key per row cost more than the rest of reading the row; bounded
     * in entries and length, so a file of ever new keys cannot grow it without end.
     */
    static String normalise(String header) {
        if (header == null || header.length() > NORMALISED_KEY_LENGTH) {
            return normaliseNow(header);
        }
        String known = NORMALISED.get(header);
        if (known != null) {
            return known;
        }
        String normalised = normaliseNow(header);
        if (NORMALISED.size() < NORMALISED_ENTRIES) {
            NORMALISED.put(header, normalised);
        }
        return normalised;
    }

    /** How many header forms are remembered, for the test of the bound. */
    static int remembered() {
        return NORMALISED.size();
    }

    private static String normaliseNow(String header) {
        String words = header == null ? "" : CAMEL_CASE_WORD.matcher(EdgeBlanks.strip(header)).replaceAll("_");
        String unbracketed = BRACKETED_WORD.matcher(words.toLowerCase(Locale.ROOT)).replaceAll(" $1 ");
        String separated = SEPARATORS.matcher(unbracketed).replaceAll("_");
        String collapsed = ONE_WORD.matcher(separated).replaceAll("$1time");
        // keep a leading underscore (it marks "_error"), but not trailing ones from "Step 1 -"
        return collapsed.endsWith("_") && collapsed.length() > 1
                ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }
}
