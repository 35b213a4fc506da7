package io.apolloroutes.ingest;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a source's headers (or flat JSON keys) mean: the source's renames applied first (see
 * {@link SourceProfile#renames()}), then the pack's own names. One object answers both questions a
 * header raises, a step-row column or a numbered step column of the wide layout, so a rename to
 * {@code step_1_body} counts in a JSON row exactly as in a CSV header.
 */
public final class HeaderNames {

    /** Without renames: one for all, as the mapping asks for it once per sequence. */
    private static final HeaderNames PLAIN = new HeaderNames(Function.identity());

    private final Function<String, String> renamed;

    private HeaderNames(Function<String, String> renamed) {
        this.renamed = renamed;
    }

    /** @param renames the source's own header names → names the pack knows, as the mapping file writes them */
    public static HeaderNames of(Map<String, String> renames) {
        return renames.isEmpty() ? PLAIN : new HeaderNames(ColumnNames.renamer(renames));
    }

    /** The step-row column a header names, or empty for an unknown or numbered header. */
    public Optional<Column> column(String header) {
        return ColumnNames.resolve(renamed.apply(header));
    }

    /** The wait unit a header names ({@code wait_days}: day), or null; see {@link ColumnNames#waitUnit}. */
    public String waitUnit(String header) {
        return ColumnNames.waitUnit(renamed.apply(header));
    }

    /** The numbered step column of the wide layout a header names, or empty when it is not one. */
    public Optional<NumberedColumn> numbered(String header) {
        return ColumnNames.resolveNumbered(renamed.apply(header));
    }

    /**
     * True for a key that names nothing the pack reads: not a column, not a numbered step column, not the
     * {@code _error} column of an errors file. Such keys are reported once per file and otherwise left alone.
     */
    public boolean isUnknown(String header) {
        return column(header).isEmpty() && !ColumnNames.isErrorColumn(header) && numbered(header).isEmpty();
    }
}
