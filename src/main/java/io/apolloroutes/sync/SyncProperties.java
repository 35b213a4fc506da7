package io.apolloroutes.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Spreadsheets kept in sync on a schedule ({@code sync.*}): none by default.
 *
 * @param sources        the sheets, by a name of the team's choosing (used in reports and logs)
 * @param connectTimeout longest wait for a sheet's server to accept a connection
 * @param readTimeout    longest wait for a sheet's download, or a page of a Google Sheet, to complete
 * @param workDirectory  downloads are written here and read from disk
 * @param googleRootUrl  the Google Sheets API's address; changed only to test against a stand-in
 */
@Validated
@ConfigurationProperties("sync")
public record SyncProperties(@NotNull @DefaultValue Map<String, @Valid SheetSource> sources,
                             @NotNull @DefaultValue("10s") Duration connectTimeout,
                             @NotNull @DefaultValue("2m") Duration readTimeout,
                             @NotNull @DefaultValue("./data/sync-work") Path workDirectory,
                             @NotNull @DefaultValue("https://sheets.googleapis.com/") URI googleRootUrl) {

    @AssertTrue(message = "sync.sources names may hold only letters, digits, '-' and '_'")
    public boolean isSourceNamesPlain() {
        return sources.keySet().stream().allMatch(name -> name.matches("[A-Za-z0-9_-]{1,100}"));
    }

    /**
     * One sheet and when to read it.
     *
     * @param cron    a Quartz cron: {@code seconds minutes hours day month weekday}
     * @param url     an HTTP(S) address of a CSV, xlsx or JSON export of the sheet
     * @param google  a Google Sheet read through the Sheets API, instead of a url
     * @param format  csv, tsv, xlsx or json, when neither the answer's type nor the address tells
     * @param mapping a mapping file for this sheet's columns and constants
     */
    public record SheetSource(@NotBlank String cron, URI url, @Valid GoogleSheet google,
                              @Pattern(regexp = "(?i)csv|tsv|xlsx|xls|json",
                                      message = "a sync source's format is one of csv, tsv, xlsx, xls, json") String format,
                              Path mapping) {

        @AssertTrue(message = "each sync source needs either a url or a google.spreadsheet-id, not both")
        public boolean isOneLocation() {
            return (url == null) != (google == null);
        }

        @AssertTrue(message = "a sync source's url must be http or https")
        public boolean isWebAddress() {
            return url == null || "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
        }

        @AssertTrue(message = "a sync source's cron is not a Quartz cron (seconds minutes hours day month weekday,"
                + " e.g. 0 0/15 * * * ?)")
        public boolean isCronValid() {
            return cron == null || CronExpression.isValidExpression(cron);
        }
    }

    /**
     * A Google Sheet, read through the Sheets API with a service account.
     *
     * @param spreadsheetId         the ID in the sheet's address ({@code /spreadsheets/d/<id>/edit})
     * @param sheet                 the tab to read
     * @param columns               the columns to read, such as {@code A:H}
     * @param headerRow             the row holding the column names; rows above it are ignored
     * @param serviceAccountKeyFile the service account's JSON key; share the sheet with its e-mail address
     */
    public record GoogleSheet(@NotBlank String spreadsheetId, @NotBlank @DefaultValue("Sheet1") String sheet,
                              @NotBlank @DefaultValue("A:ZZ") String columns, @Min(1) @DefaultValue("1") int headerRow,
                              @NotNull Path serviceAccountKeyFile) {

        @AssertTrue(message = "a google sheet's columns are two column letters, such as A:H")
        public boolean isColumnSpan() {
            return columns == null || columns.matches("[A-Za-z]{1,3}:[A-Za-z]{1,3}");
        }
    }
}
