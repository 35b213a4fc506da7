package io.apolloroutes.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A source's mapping file as written (YAML). Every part is optional.
 *
 * <pre>
 * columns:            # the team's own headers → the pack's column names
 *   Campaign: sequence
 *   Email copy: body
 * constants:          # sequence settings every sequence of this source gets
 *   schedule_id: 6095a710bd01d100a506d4af
 *   labels: [Q3, outbound]
 * body_format: markdown
 * read:               # overrides input.* for this source
 *   encoding: windows-1252
 *   delimiter: ";"
 *   sheet: Campaigns
 *   time_zone: Europe/Berlin
 * </pre>
 */
record MappingFile(Map<String, String> columns, Map<String, Object> constants,
                   @JsonProperty("body_format") String bodyFormat, Read read) {

    /** The reading settings a mapping file may override. */
    record Read(String encoding, String delimiter, String sheet, @JsonProperty("time_zone") String timeZone) {
    }
}
