package io.apolloroutes.ingest;

import java.util.Map;

/**
 * Everything that differs between sources: how their files are read, what their own column headers
 * mean, and values every sequence from the source gets. Built from the {@code input.*} settings and
 * the source's optional mapping file.
 *
 * @param name       the source, as named in messages ({@code inbox})
 * @param read       how files are read
 * @param renames    the source's own header names → the column names the pack knows, as written in
 *                   the mapping file (matched like any header: case, spaces and dashes do not matter)
 * @param constants  sequence settings for every sequence of the source, by column; a value in the file
 *                   itself takes precedence
 * @param bodyFormat how body cells are written when the file has no body_format column
 */
public record SourceProfile(String name, ReadOptions read, Map<String, String> renames,
                            Map<Column, String> constants, BodyFormat bodyFormat) {

    public SourceProfile {
        renames = Map.copyOf(renames);
        constants = Map.copyOf(constants);
    }

    /** Names of the profiles of synced sheets start with this, followed by the source's name. */
    public static final String SHEET = "sheet:";

    /** A sheet kept in sync: its sequences belong to it across syncs, whatever its export is called. */
    public boolean isSheet() {
        return name != null && name.startsWith(SHEET);
    }

    /** The same source, for text whose header was row {@code row} of its sheet. */
    public SourceProfile withHeaderRow(int row) {
        return new SourceProfile(name, read.withHeaderRow(row), renames, constants, bodyFormat);
    }

    /** A source with default settings and no mapping file. */
    public static SourceProfile defaults(String name) {
        return new SourceProfile(name, ReadOptions.DEFAULT, Map.of(), Map.of(), BodyFormat.AUTO);
    }
}
