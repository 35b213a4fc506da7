package io.apolloroutes.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The map stage: turns the records of one sequence into an Apollo request, or into the problems that
 * stop it from being one.
 */
@Component("sequenceMapper")
public class SequenceMapper {

    private final ApolloJsonMapper apolloJson;

    public SequenceMapper(ObjectMapper mapper) {
        this.apolloJson = new ApolloJsonMapper(mapper);
    }

    public SequenceDraft map(SequenceCandidate candidate) {
        List<SourceRecord> records = candidate.records();
        SourceLocator locator = path -> new SourceLocator.Location(candidate.recordNumbers(), null);
        if (records.get(0) instanceof SourceRecord.Broken broken) {
            return new SequenceDraft(candidate, null, locator,
                    List.of(Problem.ofRecords(List.of(broken.number()), broken.raw(), broken.problem())));
        }
        int apolloShaped = 0;
        for (SourceRecord record : records) {
            if (record instanceof SourceRecord.JsonSequence) {
                apolloShaped++;
            }
        }
        if (apolloShaped > 0 && records.size() > 1) {
            return new SequenceDraft(candidate, null, locator, List.of(new Problem(candidate.recordNumbers(),
                    null, "name", candidate.name(), "is used by more than one sequence in this file; sequence"
                    + " names must be unique within a file, so rename or remove the duplicates")));
        }
        if (apolloShaped == 1) {
            SourceRecord.JsonSequence json = (SourceRecord.JsonSequence) records.get(0);
            SequenceDraft draft = apolloJson.map(candidate, json);
            List<Problem> notText = CellChecks.checkApolloShaped(json);
            if (notText.isEmpty()) {
                return draft;
            }
            List<Problem> problems = new ArrayList<>(draft.problems());
            problems.addAll(notText);
            return new SequenceDraft(candidate, draft.request(), draft.locator(), problems, draft.notes());
        }
        Optional<Problem> repeatedHeader = RepeatedHeader.of(candidate);
        if (repeatedHeader.isPresent()) {
            return new SequenceDraft(candidate, null, locator, List.of(repeatedHeader.get()));
        }
        return TabularSequenceMapper.map(candidate);
    }
}
