package io.apolloroutes.sync;

import io.apolloroutes.ingest.InputProperties;
import io.apolloroutes.ingest.WebPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.io.IOUtils;
import org.springframework.stereotype.Component;

/**
 * Fetches a sheet's export from an HTTP(S) address: a Google Sheets "publish to web" link, an Excel
 * Online or SharePoint download link, any URL of a CSV, xlsx or JSON file. Redirects are followed
 * (never from https to http), every wait is bounded, and the last version's ETag and Last-Modified
 * are sent along, so an unchanged sheet costs the server a 304 and the pack nothing.
 */
@Component
public class HttpSheets {

    private static final Pattern FORMAT_IN_QUERY = Pattern.compile("(?:^|&)(?:output|format|exportFormat)=(\\w+)");

    private final HttpClient client;
    private final SyncProperties sync;
    private final long maxBytes;
    // the client's timeout ends with the answer's headers; this one ends a body that stalls
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sheet-download-deadline");
        thread.setDaemon(true);
        return thread;
    });

    public HttpSheets(SyncProperties sync, InputProperties input) {
        this.sync = sync;
        this.maxBytes = input.limits().maxFileBytes();
        // Java's own client: redirects, timeouts and conditional requests are all it takes
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(sync.connectTimeout()).build();
    }

    /** The sheet's current version in {@code target}, or empty when it has not changed since {@code seen}. */
    public Optional<SheetDownload> fetch(URI url, String configuredFormat, SyncState.Seen seen, Path target)
            throws SheetFetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(sync.readTimeout()).GET()
                .header("Accept", "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                        + " application/json;q=0.9, */*;q=0.5");
        if (seen != null && seen.etag() != null) {
            request.header("If-None-Match", seen.etag());
        }
        if (seen != null && seen.lastModified() != null) {
            request.header("If-Modified-Since", seen.lastModified());
        }
        try {
            HttpResponse<InputStream> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                if (answer.statusCode() == 304) {
                    return Optional.empty();
                }
                if (answer.statusCode() != 200) {
                    throw new SheetFetchException(shown(url) + " answered HTTP " + answer.statusCode());
                }
                String contentType = answer.headers().firstValue("Content-Type").orElse("");
                if (contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
                    // a sheet that is no longer published or shared answers with a sign-in page, not an error
                    throw webPage(url, answer.uri(), "(text/html)");
                }
                String extension = format(configuredFormat, contentType, answer.uri());
                Path file = target.resolveSibling(target.getFileName() + "." + extension);
                ScheduledFuture<?> deadline = deadlines.schedule(() -> IOUtils.closeQuietly(body), sync.readTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                try {
                    copyAtMost(body, file, url);
                    if (WebPage.is(file)) {
                        // the same page under another type (text/plain, application/octet-stream) from some servers
                        Files.delete(file);
                        throw webPage(url, answer.uri(),
                                "(HTML sent as " + (contentType.isEmpty() ? "no type" : contentType) + ")");
                    }
                } catch (IOException e) {
                    if (deadline.isDone()) {
                        throw new SheetFetchException(shown(url) + " took longer than sync.read-timeout ("
                                + sync.readTimeout() + ") to send the sheet", e);
                    }
                    throw e;
                } finally {
                    deadline.cancel(false);
                }
                return Optional.of(new SheetDownload(file, extension, answer.headers().firstValue("ETag").orElse(null),
                        answer.headers().firstValue("Last-Modified").orElse(null)));
            }
        } catch (IOException e) {
            throw new SheetFetchException("cannot read " + shown(url) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SheetFetchException("interrupted while reading " + shown(url), e);
        }
    }

    private static SheetFetchException webPage(URI url, URI answered, String how) {
        return new SheetFetchException(shown(url) + " answered with a web page " + how + ", not the sheet's export"
                + (answered.equals(url) ? "" : " (at " + shown(answered) + ")") + ": most likely a sign-in page, because"
                + " the sheet is not published or shared with anyone who has the link; publish it as CSV (Google"
                + " Sheets: File > Share > Publish to web) and use that link, or read it through the Sheets API"
                + " (sync.sources.<name>.google.*)");
    }

    /** Streams the body to disk, refusing more than the largest file the pack accepts. */
    private void copyAtMost(InputStream body, Path file, URI url) throws IOException, SheetFetchException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int read; (read = body.read(buffer)) != -1; ) {
                total += read;
                if (total > maxBytes) {
                    throw new SheetFetchException(shown(url) + " sent more than input.max-file-size (" + maxBytes
                            + " bytes)");
                }
                out.write(buffer, 0, read);
            }
        }
    }

    /** The format from the settings, else the answer's type, else the address (its extension or query). */
    static String format(String configured, String contentType, URI address) throws SheetFetchException {
        if (configured != null && !configured.isBlank()) {
            return configured.toLowerCase(Locale.ROOT);
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return "csv";
        }
        if (type.startsWith("text/tab-separated-values")) {
            return "tsv";
        }
        if (type.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
            return "xlsx";
        }
        if (type.startsWith("application/vnd.ms-excel")) {
            return "xls";
        }
        if (type.startsWith("application/json")) {
            return "json";
        }
        String path = address.getPath() == null ? "" : address.getPath().toLowerCase(Locale.ROOT);
        for (String extension : new String[] {"csv", "tsv", "xlsx", "xls", "json"}) {
            if (path.endsWith("." + extension)) {
                return extension;
            }
        }
        Matcher query = FORMAT_IN_QUERY.matcher(address.getRawQuery() == null ? "" : address.getRawQuery());
        if (query.find() && query.group(1).matches("(?i)csv|tsv|xlsx|xls|json")) {
            return query.group(1).toLowerCase(Locale.ROOT);
        }
        throw new SheetFetchException("cannot tell the format of " + shown(address) + " (answered as '" + contentType
                + "'); set the source's format to csv, tsv, xlsx or json");
    }

    /** The address without its query, which often carries a publishing key. */
    static String shown(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "")
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
