package io.apolloroutes.apollo;

/**
 * A sequence that exists in Apollo, and how the pack knows it does.
 *
 * @param id      Apollo's ID ({@code emailer_campaign.id}); null when a success answer carried none
 * @param origin  how it came to be known
 * @param how     the explanation for the report, or null when there is nothing to explain
 * @param changed known from the ledger, and the rows now differ from those it was created from
 * @param fromEarlierSync known from the ledger as created by an earlier sync of the sheet this run reads
 */
public record ApolloSequence(String id, Origin origin, String how, boolean changed, boolean fromEarlierSync) {

    public ApolloSequence(String id, Origin origin, String how) {
        this(id, origin, how, false, false);
    }

    /** Exchange property holding the sequence once it exists. */
    public static final String PROPERTY = "apolloSequence";

    /** How the pack knows the sequence exists. */
    public enum Origin {
        /** This attempt created it. */
        CREATED,
        /** An earlier attempt of the pack created it, but its answer was lost; found by name. */
        RECOVERED,
        /** Found in Apollo by name before creating: someone or something else made it. */
        FOUND,
        /** The ledger holds it as created by the pack earlier. */
        LEDGER
    }

    /** Created by this run (the report says "created"), as opposed to already there ("already-exists"). */
    public boolean isNew() {
        return origin == Origin.CREATED || origin == Origin.RECOVERED;
    }
}
