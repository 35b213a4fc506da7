package io.apolloroutes.references;

import java.util.List;

/**
 * An Apollo list as read for one file run.
 *
 * @param kind      what it lists
 * @param referents its entries, in Apollo's order
 * @param complete  false when Apollo has more pages than the pack reads (see {@link ListFetch#MAX_PAGES})
 */
public record ReferenceList(ReferenceKind kind, List<Referent> referents, boolean complete) {

    public ReferenceList {
        referents = List.copyOf(referents);
    }
}
