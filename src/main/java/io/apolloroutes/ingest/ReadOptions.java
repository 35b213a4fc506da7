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
 */
public record ReadOptions(Charset encoding, Character delimiter, String sheet, ZoneId timeZone, InputLimits limits) {

    public ReadOptions {
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
    }

    /** Detect everything, UTC, default limits. */
    public static final ReadOptions DEFAULT = new ReadOptions(null, null, null, ZoneId.of("UTC"), InputLimits.DEFAULT);
}
