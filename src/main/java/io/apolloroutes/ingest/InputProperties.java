package io.apolloroutes.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How input files are read unless a source's mapping file says otherwise ({@code input.*}).
 *
 * @param encoding      {@code auto} (byte-order mark, else UTF-8 if the whole file is valid UTF-8,
 *                      else Windows-1252) or a charset name such as {@code UTF-8} or {@code windows-1252}
 * @param delimiter     {@code auto} (detected among {@code , ; tab |}) or one of {@code , ; | tab}
 * @param sheet         the worksheet to read; empty for the first (or the Sequences and Steps pair)
 * @param timeZone      the zone spreadsheet date-times are meant in
 * @param bodyFormat    how body cells are written: auto, html, text or markdown
 * @param maxFileSize   largest file accepted
 * @param maxRows       most rows (or JSON records) in one file
 * @param maxCellLength most characters in one cell
 */
@Validated
@ConfigurationProperties("input")
public record InputProperties(@NotNull String encoding, @NotNull String delimiter, String sheet,
                              @NotNull ZoneId timeZone, @NotNull BodyFormat bodyFormat,
                              @NotNull DataSize maxFileSize, @Min(1) int maxRows, @Min(1) int maxCellLength) {

    /** The limits these settings describe. */
    public InputLimits limits() {
        return new InputLimits(maxFileSize.toBytes(), maxRows, maxCellLength);
    }
}
