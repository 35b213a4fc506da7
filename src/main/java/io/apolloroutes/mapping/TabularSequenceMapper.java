package io.apolloroutes.mapping;

import io.apolloroutes.apollo.ApolloVocabulary;
import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.apollo.EmailerTemplate;
import io.apolloroutes.apollo.EmailerTouch;
import io.apolloroutes.apollo.SequenceRequest;
import io.apolloroutes.ingest.BodyFormat;
import io.apolloroutes.ingest.Column;
import io.apolloroutes.ingest.HeaderNames;
import io.apolloroutes.ingest.NumberedColumn;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SheetRowNumbers;
import io.apolloroutes.ingest.SourceRecord;
import io.apolloroutes.ingest.StepColumns;
import io.apolloroutes.ingest.TableLayout;
import io.apolloroutes.ingest.WallClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Maps the step rows of one sequence (one row per email variant of a step) to an Apollo request. A row
 * of the wide layout (one row per sequence, numbered step columns) arrives as the step rows it stands
 * for, so the same rules apply to it.
 *
 * <p>Sequence columns may stand on any row; step columns on any row of their step. Where rows give
 * different values for the same setting the sequence is invalid rather than "last row wins". Defaults
 * follow Apollo's own practice: {@code auto_email} steps, {@code wait_mode} day, a first email that
 * starts a new thread and later subject-less emails that reply to it.
 */
final class TabularSequenceMapper {

    private static final String DEFAULT_STEP_TYPE = "auto_email";
    private static final String DEFAULT_WAIT_MODE = "day";

    private final SequenceCandidate candidate;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> notes = new ArrayList<>();
    private final Map<Column, List<Integer>> sequenceColumnRows = new EnumMap<>(Column.class);
    private final List<List<Integer>> stepRows = new ArrayList<>();
    private final List<List<RowCells>> stepCells = new ArrayList<>();
    private final List<List<RowCells>> touchCells = new ArrayList<>();
    /** Cells {@link CellChecks} refused (row and header): their value is not read, see {@link #parse}. */
    private final Set<String> refusedCells = new HashSet<>();
    /**
     * Cells whose value was not read (refused, or not a value of their column): a later row may give the
     * value instead, and a message about that value must not quote these.
     */
    private final Set<RowCells.Cell> unread = Collections.newSetFromMap(new IdentityHashMap<>());
    private List<RowCells> rows;
    private HeaderNames columns;
    private ColumnLabels labels;
    private boolean dayMode;
    /** The body_format cell read last, and what it says (null when it says nothing usable). */
    private RowCells.Cell formatCell;
    private BodyFormat cellFormat;

    private TabularSequenceMapper(SequenceCandidate candidate) {
        this.candidate = candidate;
    }

    static SequenceDraft map(SequenceCandidate candidate) {
        return new TabularSequenceMapper(candidate).map();
    }

    private SequenceDraft map() {
        int maxCellLength = candidate.file().source().read().limits().maxCellLength();
        columns = HeaderNames.of(candidate.file().source().renames());
        for (SourceRecord record : candidate.records()) {
            CellChecks.check(record, candidate.layout(), columns, maxCellLength, problems);
        }
        for (Problem refused : problems) {
            if (refused.column() != null) {
                refused.rows().forEach(row -> refusedCells.add(cell(row, refused.column())));
            }
        }
        // a wide row (numbered step columns) arrives as the step rows it stands for
        rows = RowCells.of(candidate, columns, problems);
        labels = new ColumnLabels(candidate, rows);
        for (RowCells row : rows) {
            for (Column column : row.cells().keySet()) {
                if (column.level() == Column.Level.SEQUENCE) {
                    sequenceColumnRows.computeIfAbsent(column, k -> new ArrayList<>()).add(row.number());
                }
            }
        }
        SequenceRequest request = request();
        TabularLocator locator = new TabularLocator(candidate, rows, labels, sequenceColumnRows, stepRows, stepCells,
                touchCells, dayMode, unread);
        return new SequenceDraft(candidate, request, locator, problems, notes);
    }

    private SequenceRequest request() {
        Boolean exactDaytime = sequenceValue(Column.EXACT_DAYTIME, CellValues::bool);
        return new SequenceRequest(
                candidate.name(),
                sequenceValue(Column.PERMISSIONS, CellValues::code),
                sequenceValue(Column.ACTIVE, CellValues::bool),
                sequenceValue(Column.SCHEDULE_ID, CellValues::text),
                sequenceValue(Column.OWNER_ID, CellValues::text),
                sequenceValue(Column.LABELS, CellValues::list),
                sequenceValue(Column.FOLDER_ID, CellValues::text),
                exactDaytime,
                sequenceValue(Column.MAX_EMAILS_PER_DAY, CellValues::integer),
                sequenceValue(Column.MARK_FINISHED_IF_REPLY, CellValues::bool),
                sequenceValue(Column.MARK_FINISHED_IF_CLICK, CellValues::bool),
                sequenceValue(Column.MARK_FINISHED_IF_INTERESTED, CellValues::bool),
                sequenceValue(Column.MARK_PAUSED_IF_OOO, CellValues::bool),
                sequenceValue(Column.DAYS_TO_WAIT_BEFORE_MARK_AS_RESPONSE, CellValues::integer),
                sequenceValue(Column.CREATE_TASK_IF_EMAIL_OPEN, CellValues::bool),
                sequenceValue(Column.EMAIL_OPEN_TRIGGER_TASK_THRESHOLD, CellValues::integer),
                sequenceValue(Column.SAME_ACCOUNT_REPLY_DELAY_DAYS, CellValues::integer),
                sequenceValue(Column.EXCLUDED_ACCOUNT_STAGE_IDS, CellValues::list),
                sequenceValue(Column.EXCLUDED_CONTACT_STAGE_IDS, CellValues::list),
                sequenceValue(Column.IGNORE_BOUNCE_LIST, CellValues::bool),
                sequenceValue(Column.RULESET_ID, CellValues::text),
                steps(Boolean.TRUE.equals(exactDaytime)));
    }

    private <T> T sequenceValue(Column column, Function<String, T> parse) {
        T value = agreed(rows, column, parse, column::apolloField, "sequence setting",
                "the same on every row that gives it (or given on one row only)");
        if (value != null) {
            return value;
        }
        String constant = candidate.file().source().constants().get(column);
        return constant == null ? null : constant(column, constant, parse);
    }

    /** A value the source's mapping file sets for every sequence the file leaves it empty in. */
    private <T> T constant(Column column, String constant, Function<String, T> parse) {
        try {
            return parse.apply(constant);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(candidate.recordNumbers(), ColumnLabels.constant(column), column.apolloField(), constant,
                    e.getMessage()));
            return null;
        }
    }

    // ---- steps ---------------------------------------------------------------------------------

    private List<EmailerStep> steps(boolean exactDaytime) {
        List<List<RowCells>> grouped = groupSteps();
        dayMode = grouped.stream().flatMap(List::stream).anyMatch(r -> r.has(Column.DAY));
        List<EmailerStep> steps = new ArrayList<>();
        int previousDay = 0;
        boolean emailSeen = false;
        for (int i = 0; i < grouped.size(); i++) {
            List<RowCells> step = grouped.get(i);
            stepRows.add(numbers(step));
            stepCells.add(step);
            String type = stepValue(step, i, Column.TYPE, CellValues::code);
            type = type == null ? DEFAULT_STEP_TYPE : type;
            String waitMode = stepValue(step, i, Column.WAIT_MODE, CellValues::waitMode);
            Integer waitTime = stepValue(step, i, Column.WAIT_TIME, raw -> waitTime(raw, step, waitMode));
            if (dayMode) {
                Integer day = stepValue(step, i, Column.DAY, CellValues::integer);
                checkDayMode(step, i, waitTime, waitMode, day);
                if (day != null) {
                    if (day < previousDay) {
                        problems.add(new Problem(stepRows.get(i), labels.of(Column.DAY, step), stepPath(i, "wait_time"),
                                day.toString(), "goes back in time: step " + (i + 1) + " is on day " + day
                                + " but the step before it is on day " + previousDay + "; days count from enrolment"
                                + " and must not decrease"));
                    } else {
                        waitTime = day - previousDay;
                        previousDay = day;
                    }
                }
                // a day problem is already reported; don't add "wait time is missing" on top of it
                waitTime = waitTime == null ? Integer.valueOf(0) : waitTime;
            } else if (waitTime == null && (i == 0 || exactDaytime)) {
                // the first step is timed from enrolment; exact-datetime steps ignore waits
                waitTime = 0;
            }
            List<EmailerTouch> touches = touches(step, i, type, !emailSeen);
            emailSeen |= ApolloVocabulary.isEmailStep(type) && touches != null && !touches.isEmpty();
            steps.add(new EmailerStep(type, waitTime, waitMode == null ? DEFAULT_WAIT_MODE : waitMode,
                    stepValue(step, i, Column.EXACT_DATETIME, this::exactDatetime),
                    stepValue(step, i, Column.PRIORITY, CellValues::code),
                    stepValue(step, i, Column.NOTE, CellValues::text),
                    null, null, touches));
        }
        if (steps.isEmpty()) {
            UnreadColumns.of(candidate, columns).or(this::noStep).ifPresent(problems::add);
        }
        return steps.isEmpty() ? null : steps;
    }

    /**
     * A sequence whose rows fill no step or email column. Told here rather than left to validation's
     * "emailer_steps: is empty", which names no column: the fix is to write the first email, and only the
     * mapper knows the file's headers for it ("Subject", "Step 1 Body", or the header to add). A sequence
     * listed on a workbook's Sequences sheet has its steps on the Steps sheet: it is told to add them there.
     */
    private Optional<Problem> noStep() {
        List<Integer> all = candidate.recordNumbers();
        if (all.stream().allMatch(row -> RowNumbers.onSequencesSheet(candidate.file(), row))) {
            String steps = SheetRowNumbers.SHEETS.get(1);
            return Optional.of(new Problem(all, labels.of(Column.SEQUENCE), "emailer_steps", null, String.format("has no"
                    + " row on the %s sheet, so it has no step (a sequence needs at least one): add its steps there,"
                    + " one row per email, with \"%s\" in its sequence column", steps, candidate.name())));
        }
        if (rows.stream().anyMatch(row -> row.hasAny(Column.Level.STEP) || row.hasAny(Column.Level.TOUCH))) {
            // its steps were refused for their numbers (step 0, "one"), which is told already: they are not empty
            return Optional.empty();
        }
        String subject = firstEmailHeader(Column.SUBJECT);
        String body = firstEmailHeader(Column.BODY);
        return Optional.of(new Problem(all, body, "emailer_steps", null, String.format("is empty, and so is every"
                + " other step and email column of this sequence, so it has no step (a sequence needs at least one):"
                + " write its first email in \"%s\" and \"%s\"", subject, body)));
    }

    /** The header of an email column of step 1: the file's own, or the one to add (numbered in the wide layout). */
    private String firstEmailHeader(Column column) {
        TableLayout layout = candidate.layout();
        if (layout == null || !layout.isWide()) {
            return labels.of(column);
        }
        return layout.stepColumns().step(1).map(step -> step.variants().getOrDefault('a', Map.of()).get(column))
                .map(StepColumns.Entry::label)
                .orElseGet(() -> NumberedColumn.documentedHeader(1, 'a', column));
    }

    /**
     * Rows with step or email content, grouped into steps: by the step column when rows give one,
     * otherwise one step per row in file order. Rows with only sequence settings belong to no step.
     */
    private List<List<RowCells>> groupSteps() {
        List<RowCells> stepContent = new ArrayList<>();
        List<RowCells> numbered = new ArrayList<>();
        List<Integer> unnumbered = new ArrayList<>();
        for (RowCells row : rows) {
            if (row.hasAny(Column.Level.STEP) || row.hasAny(Column.Level.TOUCH)) {
                stepContent.add(row);
                if (row.has(Column.STEP)) {
                    numbered.add(row);
                } else {
                    unnumbered.add(row.number());
                }
            }
        }
        if (numbered.isEmpty()) {
            return stepContent.stream().map(List::of).toList();
        }
        if (!unnumbered.isEmpty()) {
            problems.add(new Problem(unnumbered, labels.of(Column.STEP), null,
                    null, "is empty, while other rows of this sequence number their steps; give every row"
                    + " its step number"));
        }
        TreeMap<Integer, List<RowCells>> byNumber = new TreeMap<>();
        for (RowCells row : numbered) {
            RowCells.Cell cell = row.get(Column.STEP);
            Integer number = parse(row, cell, CellValues::integer, () -> null);
            if (number == null) {
                continue;
            }
            if (number < 1) {
                problems.add(new Problem(List.of(row.number()), cell.label(), null, cell.raw(),
                        "must be 1 or more (step 1 is the first step)"));
                continue;
            }
            byNumber.computeIfAbsent(number, n -> new ArrayList<>()).add(row);
        }
        for (int expected = 1; !byNumber.isEmpty() && expected < byNumber.lastKey(); expected++) {
            if (!byNumber.containsKey(expected)) {
                problems.add(new Problem(numbered.stream().map(RowCells::number).toList(), labels.of(Column.STEP), null,
                        null, "skips step " + expected + "; number the steps 1, 2, 3… without gaps"));
            }
        }
        return new ArrayList<>(byNumber.values());
    }

    private void checkDayMode(List<RowCells> step, int index, Integer waitTime, String waitMode, Integer day) {
        List<Integer> numbers = stepRows.get(index);
        if (waitTime != null) {
            problems.add(new Problem(numbers, labels.of(Column.WAIT_TIME, step), stepPath(index, "wait_time"),
                    waitTime.toString(), "is set, but this sequence uses the day column; use either day"
                    + " (days since enrolment) or wait_time (wait since the previous step), not both"));
        }
        // "Step 2 Wait Hours" is the wait and its unit in one cell, told once: as a wait that should not be there
        boolean unitOfThatWait = waitTime != null && labels.unitInWaitHeader(step);
        if (waitMode != null && !DEFAULT_WAIT_MODE.equals(waitMode) && !unitOfThatWait) {
            problems.add(new Problem(numbers, labels.of(Column.WAIT_MODE, step), stepPath(index, "wait_mode"),
                    written(step, Column.WAIT_MODE, waitMode),
                    "must be day (or empty) when the sequence uses the day column"));
        }
        if (day == null && step.stream().noneMatch(r -> r.has(Column.DAY))) {
            problems.add(new Problem(numbers, labels.of(Column.DAY, step), stepPath(index, "wait_time"), null,
                    "is empty; this sequence uses the day column, so every step needs its day"));
        }
    }

    /** A wait cell; "3 days" is told what to write instead, given what the step says of its unit. */
    private Integer waitTime(String raw, List<RowCells> step, String waitMode) {
        try {
            return CellValues.integer(raw);
        } catch (IllegalArgumentException notWhole) {
            // with the day column, the wait is computed from it: a unit has nowhere to go
            WaitWithUnit written = dayMode ? null : WaitWithUnit.of(raw).orElse(null);
            if (written == null) {
                throw notWhole;
            }
            String modeLabel = labels.of(Column.WAIT_MODE, step);
            // advice only in a mode Apollo knows: validation refuses the others on their own
            if (waitMode != null && waitMode.matches(ApolloVocabulary.WAIT_MODES)) {
                throw new IllegalArgumentException(written.adviceIn(waitMode, labels.unitInWaitHeader(step)
                        ? "the column counts " + waitMode + "s" : "\"" + modeLabel + "\" says " + waitMode));
            }
            String modeColumn = labels.fileHas(Column.WAIT_MODE) ? "\"" + modeLabel + "\"" : "a new column " + modeLabel;
            throw written.adviceWithout(modeColumn).map(IllegalArgumentException::new).orElse(notWhole);
        }
    }

    /**
     * A step's date and time. A spreadsheet's CSV export writes a date-time cell without its offset
     * ("2026-12-01 09:30"), so it is read in the source's time zone, as a workbook's date-time cell is.
     */
    private String exactDatetime(String raw) {
        return WallClock.inZone(CellValues.text(raw), candidate.file().source().read().timeZone());
    }

    private <T> T stepValue(List<RowCells> step, int index, Column column, Function<String, T> parse) {
        String field = column == Column.DAY ? "wait_time" : column.apolloField();
        return agreed(step, column, parse, () -> stepPath(index, field), "step setting",
                "the same on every row of the step");
    }

    // ---- touches -------------------------------------------------------------------------------

    private List<EmailerTouch> touches(List<RowCells> step, int index, String type, boolean firstEmail) {
        List<RowCells> touchRecords = new ArrayList<>();
        touchCells.add(touchRecords);
        List<RowCells> emails = emails(step);
        if (!ApolloVocabulary.carriesTouches(type)) {
            // an include_signature box left unchecked on a call row (a checkbox column gives every row one)
            // sets nothing a step without an email could lose
            emails.removeIf(TabularSequenceMapper::onlyWithoutSignature);
            // a type Apollo does not know ("Auto Emial") is most often a misspelt email step: validation lists
            // the types there are, where "sends no email" would have the user look for another fault
            if (!emails.isEmpty() && type.matches(ApolloVocabulary.STEP_TYPES)) {
                // named by the user's headers: in the wide layout "Step 3 Subject" and "Step 3 Note", not "note"
                List<Integer> withEmail = numbers(emails);
                problems.add(new Problem(withEmail, labels.of(Column.TYPE, step), stepPath(index, "type"),
                        written(step, Column.TYPE, type), String.format("is a step that sends no email, so the text"
                                + " under %s would be lost; move it to \"%s\", or change the type to auto_email",
                                emailHeaders(emails), labels.of(Column.NOTE, step))));
            }
            return null;
        }
        if (emails.isEmpty() && ApolloVocabulary.isEmailStep(type)) {
            noEmail(step, index, type);
        }
        List<EmailerTouch> touches = new ArrayList<>();
        for (RowCells row : emails) {
            int touchIndex = touches.size();
            touchRecords.add(row);
            String subject = touchValue(row, Column.SUBJECT, CellValues::text,
                    () -> touchPath(index, touchIndex, "emailer_template.subject"));
            BodyFormat format = bodyFormat(row);
            String body = touchValue(row, Column.BODY, cell -> EmailBody.toHtml(cell, format),
                    () -> touchPath(index, touchIndex, "emailer_template.body_html"));
            String touchType = touchValue(row, Column.TOUCH_TYPE, CellValues::code,
                    () -> touchPath(index, touchIndex, "type"));
            if (touchType == null && ApolloVocabulary.isEmailStep(type)) {
                touchType = firstEmail || subject != null ? ApolloVocabulary.NEW_THREAD : ApolloVocabulary.REPLY_TO_THREAD;
            }
            String status = touchValue(row, Column.STATUS, CellValues::code, () -> touchPath(index, touchIndex, "status"));
            Boolean signature = touchValue(row, Column.INCLUDE_SIGNATURE, CellValues::bool,
                    () -> touchPath(index, touchIndex, "include_signature"));
            // Apollo's own example sends "" as the subject of a reply
            String sentSubject = subject == null && ApolloVocabulary.REPLY_TO_THREAD.equals(touchType) ? "" : subject;
            EmailerTemplate template = new EmailerTemplate(null, sentSubject, body);
            if (status == null && template.hasVisibleBody()) {
                status = ApolloVocabulary.APPROVED;
            } else if (status == null && problems.stream().noneMatch(p -> p.concerns(row.number()))) {
                // a row with a problem is not created at all: "created as a draft" would mislead (and its
                // body may only look empty because the cell was refused, say for its length)
                notes.add(new Problem(List.of(row.number()), labels.of(Column.BODY, List.of(row)),
                        touchPath(index, touchIndex, "emailer_template.body_html"),
                        null, "is empty, so this email is created as a draft without a status; Apollo sends it"
                        + " only once it has a body and is approved"));
            }
            touches.add(new EmailerTouch(touchType, status, signature == null ? Boolean.TRUE : signature, template, null));
        }
        return touches;
    }

    /**
     * An email step none of whose rows holds an email (say, a row with only a wait). Told here rather than
     * left to validation's "has no email", which knows only the JSON path: the fix is to fill this step's
     * subject and body, and only the mapper knows what the file calls them ("Step 2 Body", a renamed
     * header, or the header to add). Validation then does not repeat it: the path is reported.
     */
    private void noEmail(List<RowCells> step, int index, String type) {
        List<Integer> numbers = stepRows.get(index);
        String subject = labels.of(Column.SUBJECT, step);
        String body = labels.of(Column.BODY, step);
        // a subject or body cell the reader refused (#REF!) is reported already, and it may be the very email
        boolean refused = problems.stream().anyMatch(p -> (body.equals(p.column()) || subject.equals(p.column()))
                && p.rows().stream().anyMatch(numbers::contains));
        if (refused) {
            return;
        }
        // a user who never typed auto_email should learn where it came from
        String typed = step.stream().anyMatch(row -> row.has(Column.TYPE)) ? type
                : type + ", the default for an empty type";
        problems.add(new Problem(numbers, body, stepPath(index, "emailer_touches"), null, String.format("is empty,"
                        + " and so is \"%s\", but step %d is an email step (%s), which needs an email: write its subject"
                        + " and body there (a reply needs only the body), or set \"%s\" to a step that sends no email,"
                        + " such as call or action_item", subject, index + 1, typed, labels.of(Column.TYPE, step))));
    }

    /** The headers of the filled email cells of these rows, quoted: "Step 3 Subject" and "Step 3 Body B". */
    private static String emailHeaders(List<RowCells> emails) {
        List<String> headers = new ArrayList<>();
        for (RowCells row : emails) {
            row.cells().forEach((column, cell) -> {
                // body_format only says how a body is written; alone it is no text to lose
                if (column.level() == Column.Level.TOUCH && column != Column.BODY_FORMAT
                        && !headers.contains("\"" + cell.label() + "\"")) {
                    headers.add("\"" + cell.label() + "\"");
                }
            });
        }
        return headers.size() == 1 ? headers.get(0)
                : String.join(", ", headers.subList(0, headers.size() - 1)) + " and " + headers.get(headers.size() - 1);
    }

    /** The row's body_format, else the source's. */
    private BodyFormat bodyFormat(RowCells row) {
        RowCells.Cell cell = row.get(Column.BODY_FORMAT);
        if (cell != null && cell != formatCell) {
            // a wide row's unnumbered body_format is one cell shared by all its emails: read (and a wrong
            // value reported) once, not once per email
            formatCell = cell;
            cellFormat = parse(row, cell, text -> BodyFormat.named(text).orElseThrow(
                    () -> new IllegalArgumentException("must be auto, html, text or markdown")), () -> null);
        }
        BodyFormat format = cell == null ? null : cellFormat;
        return format != null ? format : candidate.file().source().bodyFormat();
    }

    private <T> T touchValue(RowCells row, Column column, Function<String, T> parse, Supplier<String> path) {
        RowCells.Cell cell = row.get(column);
        return cell == null ? null : parse(row, cell, parse, path);
    }

    // ---- shared --------------------------------------------------------------------------------

    /**
     * The value the rows agree on for a column, or null when none gives it. Unreadable values and
     * disagreements become problems.
     *
     * @param path the field's JSON path, built only for a problem: most values have none
     */
    private <T> T agreed(List<RowCells> from, Column column, Function<String, T> parse, Supplier<String> path,
                         String what, String rule) {
        T agreed = null;
        RowCells first = null;
        for (RowCells row : from) {
            RowCells.Cell cell = row.get(column);
            if (cell == null) {
                continue;
            }
            T value = parse(row, cell, parse, path);
            if (value == null) {
                continue;
            }
            if (first == null) {
                agreed = value;
                first = row;
            } else if (!agreed.equals(value)) {
                problems.add(new Problem(List.of(first.number(), row.number()), cell.label(), path.get(),
                        cell.raw(), String.format("disagrees with %s ('%s'); a %s must be %s",
                        RowNumbers.row(candidate.file(), first.number()), first.get(column).raw().strip(), what, rule)));
            }
        }
        return agreed;
    }

    @SuppressWarnings("unchecked")
    private <T> T parse(RowCells row, RowCells.Cell cell, Function<String, T> parse, Supplier<String> path) {
        // most sequences have no refused cell: no key is built for them on this path, taken for every cell
        if (!refusedCells.isEmpty() && refusedCells.contains(cell(row.number(), cell.label()))) {
            // told once, for what it holds: "must be a whole number" on top of "holds the control character
            // U+0001" would be a second message for one cell, and a quoted value would carry the character
            unread.add(cell);
            return null;
        }
        if (cell.items() != null) {
            // a JSON array in a list column: already a list, and re-splitting would cut entries at ";"
            return cell.items().isEmpty() ? null : (T) cell.items();
        }
        try {
            return parse.apply(cell.raw());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(List.of(row.number()), cell.label(), path.get(), cell.raw(), e.getMessage()));
            unread.add(cell);
            return null;
        }
    }

    private static String cell(int row, String label) {
        return row + "|" + label;
    }

    /** The rows of a step that are email variants: a row with only step settings (say, its wait) is not one. */
    private static List<RowCells> emails(List<RowCells> step) {
        List<RowCells> emails = new ArrayList<>(step.size());
        for (RowCells row : step) {
            if (row.hasAny(Column.Level.TOUCH)) {
                emails.add(row);
            }
        }
        return emails;
    }

    /** The row's only email cell is an include_signature that says false, such as an unchecked checkbox. */
    private static boolean onlyWithoutSignature(RowCells row) {
        RowCells.Cell signature = row.get(Column.INCLUDE_SIGNATURE);
        if (signature == null) {
            return false;
        }
        for (Column column : Column.values()) {
            if (column.level() == Column.Level.TOUCH && column != Column.INCLUDE_SIGNATURE
                    && column != Column.BODY_FORMAT && row.has(column)) {
                return false;
            }
        }
        try {
            return Boolean.FALSE.equals(CellValues.bool(signature.raw()));
        } catch (IllegalArgumentException notABoolean) {
            return false;
        }
    }

    /** The rows' numbers, each once: the records of one wide row share its number. */
    private static List<Integer> numbers(List<RowCells> records) {
        List<Integer> numbers = new ArrayList<>(records.size());
        for (RowCells row : records) {
            if (!numbers.contains(row.number())) {
                numbers.add(row.number());
            }
        }
        return Collections.unmodifiableList(numbers);
    }

    /**
     * The value as the user wrote it in the step's rows, for quoting in a message: from the cell it was
     * read from, not from an earlier one that could not be read (that one has its own message).
     */
    private String written(List<RowCells> step, Column column, String fallback) {
        String typed = RowCells.typed(step, column, unread);
        return typed != null ? typed : fallback;
    }

    private static String stepPath(int index, String field) {
        return "emailer_steps[" + index + "]." + field;
    }

    private static String touchPath(int step, int touch, String field) {
        return stepPath(step, "emailer_touches[" + touch + "]." + field);
    }
}
