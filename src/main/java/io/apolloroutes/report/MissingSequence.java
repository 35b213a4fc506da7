package io.apolloroutes.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A sequence a synced sheet created at an earlier sync that is no longer in the sheet. Reported, never
 * acted on: Apollo keeps it.
 *
 * @param name        the sequence name
 * @param apolloId    its ID in Apollo
 * @param createdFrom where it came from when it was created ("rows 2-5")
 */
public record MissingSequence(String name, @JsonProperty("apollo_id") String apolloId,
                              @JsonProperty("created_from") String createdFrom) {
}
