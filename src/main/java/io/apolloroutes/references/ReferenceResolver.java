package io.apolloroutes.references;

import io.apolloroutes.apollo.SequenceRequest;
import io.apolloroutes.mapping.Problem;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.mapping.SourceLocator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves the references of one sequence against its run's lists: names become IDs, IDs are
 * checked, and what names nothing (or more than one thing) becomes a problem located by row and
 * column. Without a key nothing can be looked up: names stay as written and get a note.
 */
final class ReferenceResolver {

    /**
     * The sequence after resolution.
     *
     * @param draft       with IDs in place of names, and any new problems and notes
     * @param deferReason why it cannot be sent now although nothing is wrong with it (a list it needs
     *                    could not be read), or null
     * @param namesLeft   true when a name stays a name because there is no API key to look it up
     */
    record Resolution(SequenceDraft draft, String deferReason, Instant retryAt, boolean namesLeft) {
    }

    private ReferenceResolver() {
    }

    /** @param lists the state of each list the sequence refers to */
    static Resolution resolve(SequenceDraft draft, Function<ReferenceKind, ListState> lists) {
        SequenceRequest request = draft.request();
        // a value validation already refused (a mistyped ID) is not looked up as well
        Set<String> reported = draft.problems().stream().map(Problem::path).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<Problem> problems = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        Map<ReferenceKind, String> unavailable = new EnumMap<>(ReferenceKind.class);
        List<Instant> retryTimes = new ArrayList<>();
        boolean namesLeft = false;
        Map<ReferenceKind, List<String>> resolved = new EnumMap<>(ReferenceKind.class);
        for (ReferenceKind kind : ReferenceKind.values()) {
            List<String> written = kind.valuesIn(request);
            if (written.isEmpty()) {
                continue;
            }
            ListState state = lists.apply(kind);
            List<String> values = new ArrayList<>(written.size());
            List<String> unlooked = new ArrayList<>();
            for (int i = 0; i < written.size(); i++) {
                String value = written.get(i);
                String path = kind.pathOf(i);
                values.add(value);
                if (value == null || reported.contains(path)) {
                    continue;
                }
                if (state instanceof ListState.NoKey) {
                    if (!ReferenceText.isId(value)) {
                        unlooked.add(value);
                    }
                } else if (state instanceof ListState.Unavailable failed) {
                    unavailable.put(kind, failed.reason());
                    retryTimes.add(failed.retryAt());
                } else if (state instanceof ListState.Loaded loaded) {
                    Match match = ReferenceMatcher.match(value, loaded.list());
                    if (match instanceof Match.Found found) {
                        values.set(i, found.id());
                    } else if (match instanceof Match.Refused refused) {
                        problems.add(problem(draft, path, refused.message()));
                    } else if (match instanceof Match.Unconfirmed unconfirmed) {
                        notes.add(problem(draft, path, unconfirmed.note()));
                    }
                } else {
                    throw new IllegalStateException("the " + kind.plural() + " were never asked for");
                }
            }
            if (!unlooked.isEmpty()) {
                notes.add(problem(draft, kind.field(), notLookedUp(kind, unlooked)));
                namesLeft = true;
            }
            resolved.put(kind, values);
        }
        SequenceRequest withIds = request.withReferences(single(resolved, ReferenceKind.SCHEDULE, request.emailerScheduleId()),
                single(resolved, ReferenceKind.OWNER, request.userId()),
                resolved.getOrDefault(ReferenceKind.ACCOUNT_STAGE, request.excludedAccountStageIds()),
                resolved.getOrDefault(ReferenceKind.CONTACT_STAGE, request.excludedContactStageIds()));
        List<Problem> allProblems = new ArrayList<>(draft.problems());
        if (!problems.isEmpty()) {
            allProblems.addAll(problems);
            // in the order a person reads the file, as validation orders them
            allProblems.sort(Comparator.comparing((Problem p) -> p.rows().isEmpty() ? 0 : p.rows().get(0))
                    .thenComparing(p -> p.path() == null ? "" : p.path()));
        }
        List<Problem> allNotes = new ArrayList<>(draft.notes());
        allNotes.addAll(notes);
        SequenceDraft result = new SequenceDraft(draft.candidate(), withIds, draft.locator(), allProblems, allNotes);
        // an invalid sequence is never sent anyway: its problems are what the person has to fix
        String deferReason = unavailable.isEmpty() || result.isInvalid() ? null
                : "not sent: its " + unavailable.keySet().stream().map(ReferenceKind::role).collect(Collectors.joining(" and "))
                + " could not be checked: " + String.join("; ", new LinkedHashSet<>(unavailable.values()));
        // due again once every list it needs may be read again; never by itself if one needs a person
        Instant retryAt = deferReason == null || retryTimes.contains(null) ? null
                : retryTimes.stream().max(Comparator.naturalOrder()).orElse(null);
        return new Resolution(result, deferReason, retryAt, namesLeft);
    }

    private static String single(Map<ReferenceKind, List<String>> resolved, ReferenceKind kind, String written) {
        List<String> values = resolved.get(kind);
        return values == null ? written : values.get(0);
    }

    private static Problem problem(SequenceDraft draft, String path, String message) {
        SourceLocator.Location location = draft.locator().locate(path);
        return new Problem(location.rows(), location.column(), path, null, message);
    }

    private static String notLookedUp(ReferenceKind kind, List<String> names) {
        boolean one = names.size() == 1;
        String quoted = names.stream().map(name -> "'" + name.strip() + "'").collect(Collectors.joining(", "));
        return kind.singular() + (one ? " " : "s ") + quoted + (one ? " was" : " were") + " not looked up: without"
                + " an API key Apollo cannot be asked for its " + kind.plural() + ", so the outbox body keeps "
                + (one ? "it" : "them") + " as written; a run with a key sends " + (one ? "its ID" : "their IDs")
                + " instead, or reports " + (one ? "it" : "them") + " as unknown";
    }
}
