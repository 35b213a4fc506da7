package io.apolloroutes.ingest;

import java.nio.charset.Charset;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How the files of one source are read.
 *
 * @param encoding  the text encoding of CSV files, or null to detect it (byte-order mark, then UTF-8,
 *                  then Windows-1252)
 * @param delimiter the CSV delimiter, or null to detect it among {@code , ; tab |}
 * @param sheet     the worksheet to read, or null for the first one (or the Sequences and Steps pair)
 * @param timeZone  the zone in which spreadsheet date-times without a zone are meant; null means UTC
 * @param limits    sizes past which input is refused
 * @param headerRow the row number the header of a CSV file had where it came from (a synced sheet read
 *                  from below its title rows), so that rows are named as that sheet shows them; 1 for files
 */
public record ReadOptions(Charset encoding, Character delimiter, String sheet, ZoneId timeZone, InputLimits limits,
                          int headerRow) {

    public ReadOptions {
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        headerRow = Math.max(1, headerRow);
    }

    public ReadOptions(Charset encoding, Character delimiter, String sheet, ZoneId timeZone, InputLimits limits) {
        this(encoding, delimiter, sheet, timeZone, limits, 1);
    }

    /** The same options for text whose header was row {@code row} of its sheet. */
    public ReadOptions withHeaderRow(int row) {
        return new ReadOptions(encoding, delimiter, sheet, timeZone, limits, row);
    }

    /** Detect everything, UTC, default limits. */
    public static final ReadOptions DEFAULT = new ReadOptions(null, null, null, ZoneId.of("UTC"), InputLimits.DEFAULT);
}
