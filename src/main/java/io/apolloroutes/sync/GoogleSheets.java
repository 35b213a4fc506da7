package io.apolloroutes.sync;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.sheets.v4.Sheets;
import com.google.api.services.sheets.v4.SheetsScopes;
import com.google.api.services.sheets.v4.model.Sheet;
import com.google.api.services.sheets.v4.model.Spreadsheet;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * Reads a Google Sheet through the Sheets API (v4 values) with a service account, page by page into a
 * CSV file on disk: cells as the sheet shows them, from the header row down to the sheet's last row.
 * One client per service-account key, made on first use; the API's address is configurable so the
 * whole path can be tested against a stand-in.
 */
@Component
public class GoogleSheets {

    /** Rows per request: large enough to be quick, small enough that no page is a burden. */
    static final int PAGE_ROWS = 5_000;

    private final SyncProperties sync;
    private final NetHttpTransport transport = new NetHttpTransport();
    private final Map<Path, Sheets> clients = new ConcurrentHashMap<>();

    public GoogleSheets(SyncProperties sync) {
        this.sync = sync;
    }

    /** The sheet, from its header row down, as a CSV file next to {@code target}. */
    public SheetDownload fetch(SyncProperties.GoogleSheet sheet, Path target) throws SheetFetchException {
        Path file = target.resolveSibling(target.getFileName() + ".csv");
        try {
            Sheets client = client(sheet.serviceAccountKeyFile());
            int lastRow = rowCount(client, sheet);
            String[] columns = sheet.columns().toUpperCase(Locale.ROOT).split(":");
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
                int width = -1;
                // the API leaves out a range's trailing empty rows; they are written once rows follow them,
                // so every row keeps the number the sheet shows
                int blanksOwed = 0;
                for (int first = sheet.headerRow(); first <= lastRow; first += PAGE_ROWS) {
                    int last = Math.min(lastRow, first + PAGE_ROWS - 1);
                    String range = quoted(sheet.sheet()) + "!" + columns[0] + first + ":" + columns[1] + last;
                    List<List<Object>> rows = client.spreadsheets().values().get(sheet.spreadsheetId(), range)
                            .setMajorDimension("ROWS").setValueRenderOption("FORMATTED_VALUE").execute().getValues();
                    for (List<Object> row : rows == null ? List.<List<Object>>of() : rows) {
                        width = width < 0 ? row.size() : width;
                        for (; blanksOwed > 0; blanksOwed--) {
                            csv.printRecord(padded(List.of(), width));
                        }
                        csv.printRecord(padded(row, width));
                    }
                    blanksOwed += last - first + 1 - (rows == null ? 0 : rows.size());
                }
            }
            return new SheetDownload(file, "csv", null, null);
        } catch (GoogleJsonResponseException e) {
            throw new SheetFetchException("the Sheets API refused to read spreadsheet " + sheet.spreadsheetId() + ": "
                    + e.getStatusCode() + " " + (e.getDetails() == null ? e.getStatusMessage() : e.getDetails().getMessage())
                    + (e.getStatusCode() == 403 || e.getStatusCode() == 404 ? " (is the sheet shared with the service"
                    + " account's e-mail address?)" : ""), e);
        } catch (IOException e) {
            throw new SheetFetchException("cannot read spreadsheet " + sheet.spreadsheetId() + ": " + e, e);
        }
    }

    private int rowCount(Sheets client, SyncProperties.GoogleSheet sheet) throws IOException, SheetFetchException {
        Spreadsheet spreadsheet = client.spreadsheets().get(sheet.spreadsheetId())
                .setFields("sheets.properties(title,gridProperties.rowCount)").execute();
        List<Sheet> tabs = spreadsheet.getSheets() == null ? List.of() : spreadsheet.getSheets();
        return tabs.stream().map(Sheet::getProperties).filter(tab -> sheet.sheet().equals(tab.getTitle()))
                .map(tab -> tab.getGridProperties().getRowCount()).findFirst()
                .orElseThrow(() -> new SheetFetchException("spreadsheet " + sheet.spreadsheetId() + " has no sheet named '"
                        + sheet.sheet() + "'; it has " + tabs.stream().map(tab -> "'" + tab.getProperties().getTitle()
                        + "'").toList()));
    }

    private Sheets client(Path keyFile) throws IOException {
        Sheets client = clients.get(keyFile);
        if (client == null) {
            GoogleCredentials credentials;
            try (InputStream key = Files.newInputStream(keyFile)) {
                credentials = ServiceAccountCredentials.fromStream(key).createScoped(SheetsScopes.SPREADSHEETS_READONLY);
            }
            HttpCredentialsAdapter authorized = new HttpCredentialsAdapter(credentials);
            int timeout = (int) sync.readTimeout().toMillis();
            HttpRequestInitializer withTimeouts = request -> {
                authorized.initialize(request);
                request.setConnectTimeout((int) sync.connectTimeout().toMillis());
                request.setReadTimeout(timeout);
            };
            client = new Sheets.Builder(transport, GsonFactory.getDefaultInstance(), withTimeouts)
                    .setRootUrl(sync.googleRootUrl().toString()).setApplicationName("apollo-sequence-routes").build();
            clients.put(keyFile, client);
        }
        return client;
    }


    private static List<Object> padded(List<Object> row, int width) {
        List<Object> cells = new ArrayList<>(row);
        while (cells.size() < width) {
            cells.add("");
        }
        return cells;
    }

    /** A sheet name in A1 notation: quoted, quotes doubled. */
    private static String quoted(String sheet) {
        return "'" + sheet.replace("'", "''") + "'";
    }
}
