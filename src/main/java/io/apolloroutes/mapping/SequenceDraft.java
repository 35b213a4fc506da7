package io.apolloroutes.mapping;

import io.apolloroutes.apollo.SequenceRequest;
import io.apolloroutes.ingest.SequenceCandidate;
import java.util.List;

/**
 * A sequence on its way through the pipeline: where it came from, the Apollo request built from it
 * (null when it could not be built at all), everything found wrong with it so far, and notes that do
 * not stop it but that the user should read (for example an email created as a draft).
 */
public record SequenceDraft(SequenceCandidate candidate, SequenceRequest request, SourceLocator locator,
                            List<Problem> problems, List<Problem> notes) {

    /** Exchange property holding the draft of the sequence being sent or recorded. */
    public static final String PROPERTY = "draft";

    public SequenceDraft {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public SequenceDraft(SequenceCandidate candidate, SequenceRequest request, SourceLocator locator,
                         List<Problem> problems) {
        this(candidate, request, locator, problems, List.of());
    }

    /** Invalid sequences are never sent. */
    public boolean isInvalid() {
        return request == null || !problems.isEmpty();
    }

    /** The name to report: the request's, else the one the rows were grouped under. */
    public String name() {
        return request != null && request.name() != null ? request.name() : candidate.name();
    }

    public List<Integer> rows() {
        return candidate.recordNumbers();
    }
}
