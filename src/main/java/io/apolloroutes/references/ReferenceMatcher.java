package io.apolloroutes.references;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds what a written reference names in its Apollo list. An ID (24 hex characters) must be the ID
 * of an entry; anything else is a name, compared as a person compares names ({@link ReferenceText#key}),
 * with each of the entry's names (a stage's name and display name, a user's email). A name must fit
 * exactly one entry: two schedules of the same name cannot be told apart by name.
 */
public final class ReferenceMatcher {

    /** Valid entries listed in a message; a team with 300 users gets the first ones and a count. */
    static final int LISTED = 20;

    private ReferenceMatcher() {
    }

    public static Match match(String written, ReferenceList list) {
        ReferenceKind kind = list.kind();
        if (ReferenceText.isId(written)) {
            String id = ReferenceText.trimmed(written);
            for (Referent referent : list.referents()) {
                if (referent.id().equalsIgnoreCase(id)) {
                    return new Match.Found(referent.id());
                }
            }
            if (!list.complete()) {
                return new Match.Unconfirmed(kind.singular() + " ID '" + id + "' is not among the first "
                        + list.referents().size() + " " + kind.plural() + " Apollo lists (it has more), so it was not"
                        + " checked here; Apollo checks it when the sequence is created");
            }
            return new Match.Refused("no " + kind.singular() + " with ID '" + id + "'; " + valid(list, true));
        }
        String key = ReferenceText.key(written);
        List<Referent> hits = list.referents().stream()
                .filter(referent -> referent.names().stream().anyMatch(name -> ReferenceText.key(name).equals(key)))
                .toList();
        if (hits.size() == 1) {
            return new Match.Found(hits.get(0).id());
        }
        String quoted = "'" + ReferenceText.trimmed(written) + "'";
        if (hits.size() > 1) {
            return new Match.Refused(quoted + " fits " + hits.size() + " " + kind.plural() + " (IDs "
                    + hits.stream().map(Referent::id).collect(Collectors.joining(", "))
                    + "); write the ID of the one you mean");
        }
        if (!list.complete()) {
            return new Match.Refused("no " + kind.singular() + " " + kind.namedBy() + " " + quoted + " among the first "
                    + list.referents().size() + " " + kind.plural() + " Apollo lists (it has more); write the "
                    + kind.singular() + "'s ID instead");
        }
        return new Match.Refused("no " + kind.singular() + " " + kind.namedBy() + " " + quoted + "; " + valid(list, false));
    }

    /** "valid: 'Business hours', 'Weekend' and 3 more", with IDs when an ID was written. */
    static String valid(ReferenceList list, boolean withIds) {
        List<Referent> referents = list.referents();
        if (referents.isEmpty()) {
            return "Apollo lists no " + list.kind().plural() + " for this team";
        }
        String shown = referents.stream().limit(LISTED)
                .map(referent -> "'" + referent.label() + "'" + (withIds ? " (" + referent.id() + ")" : ""))
                .collect(Collectors.joining(", "));
        int more = referents.size() - LISTED;
        return "valid: " + shown + (more > 0 ? " and " + more + " more" : "");
    }
}
