package io.apolloroutes.report;

import io.apolloroutes.apollo.OutboxEntry;
import io.apolloroutes.deadletter.DeadLetterBox;
import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.ingest.SpooledInput;
import io.apolloroutes.mapping.Problem;
import io.apolloroutes.mapping.RowNumbers;
import io.apolloroutes.mapping.SequenceDraft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The processing of one input file: every sequence's outcome goes to the report and, when it failed,
 * its rows to the dead-letter folder. Shared by the split's sub-exchanges through an exchange property.
 */
public final class FileRun {

    /** Exchange property holding the run. */
    public static final String PROPERTY = "fileRun";

    private final SpooledInput input;
    private final boolean dryRun;
    private final ReportWriter report;
    private final DeadLetterBox deadLetters;
    private final OutcomeCounts counts = new OutcomeCounts();
    private volatile String haltReason;
    private volatile Instant haltResumeAt;
    private volatile List<MissingSequence> missing;

    FileRun(SpooledInput input, boolean dryRun, ReportWriter report, DeadLetterBox deadLetters) {
        this.input = input;
        this.dryRun = dryRun;
        this.report = report;
        this.deadLetters = deadLetters;
    }

    public InputFile file() {
        return input.file();
    }

    /** How many sequences this file holds, known before the first one is handled. */
    public int sequenceCount() {
        return input.sequenceCount();
    }

    public boolean isDryRun() {
        return dryRun;
    }

    /** After Apollo refused the key or the quota ran out, later sequences of this file are not sent. */
    public boolean isSendingHalted() {
        return haltReason != null;
    }

    void haltSending(String reason, Instant resumeAt) {
        haltReason = reason;
        haltResumeAt = resumeAt;
    }

    /** When the sequences not sent after the halt are due again; null when a person must act first. */
    public Instant haltResumeAt() {
        return haltResumeAt;
    }

    String haltReason() {
        return haltReason;
    }

    synchronized void record(SequenceDraft draft, Outcome outcome, String apolloId, String reason) {
        record(draft, outcome, apolloId, reason, null);
    }

    synchronized void record(SequenceDraft draft, Outcome outcome, String apolloId, String reason, OutboxEntry outbox) {
        List<String> problems = rendered(draft.problems());
        List<String> notes = rendered(draft.notes());
        String why = reason != null ? reason : problems == null ? null : String.join("; ", problems);
        try {
            report.sequence(new SequenceOutcome(draft.name(),
                    RowNumbers.forReport(file(), draft.rows()), outcome, apolloId, why, problems, notes,
                    outbox == null ? null : outbox.file(), outbox == null ? null : outbox.line()));
            if (outcome.isFailure()) {
                deadLetters.add(draft, why);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report or dead letters of " + file().name(), e);
        }
        counts.add(outcome, draft.rows().size());
    }

    private List<String> rendered(List<Problem> found) {
        return found.isEmpty() ? null : found.stream().map(p -> p.render(file())).toList();
    }

    /** Whether the input holds a sequence of this name; asked before the run finishes. */
    public boolean holds(String sequenceName) {
        return input.holds(sequenceName);
    }

    /** Sheet sync: sequences this sheet created before that it no longer holds, for the report. */
    public void noteMissing(List<MissingSequence> gone) {
        missing = List.copyOf(gone);
    }

    /** Sheet sync: what {@link #noteMissing} noted; null for other runs. */
    List<MissingSequence> missing() {
        return missing;
    }

    /** Completes report and dead-letter folder; returns the counts for the summary. */
    OutcomeCounts finish() throws IOException {
        deadLetters.close();
        report.finish(input.recordCount(), input.blankRows(), counts,
                deadLetters.isUsed() ? deadLetters.folder() : null, missing);
        return counts;
    }

    /** Closes the report of a run that broke off, keeping what it recorded; best effort. */
    void abandon(String error) {
        try {
            report.abandon(error);
        } catch (IOException | RuntimeException e) {
            // the .part file keeps what was flushed; the error itself is reported by the caller
        }
    }

    ReportWriter report() {
        return report;
    }

    DeadLetterBox deadLetters() {
        return deadLetters;
    }

    SpooledInput input() {
        return input;
    }
}
