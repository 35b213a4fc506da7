package io.apolloroutes.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.util.CellRangeAddress;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The totals rows of the Excel tables on one worksheet of an {@code .xlsx}. Rows formatted as a table
 * (Insert &gt; Table) with "Total Row" ticked end in a row Excel fills itself: "Total" under the first
 * column, a count or sum under others. That row is the table's summary, not a row of data. The
 * worksheet does not mark it; the table part does ({@code <table ref="A1:E4" totalsRowCount="1">}),
 * and the worksheet lists its tables among its relationships ({@link XlsxAfterRows} finds them).
 *
 * @param table the table's name as Excel shows it (Table Design &gt; Table Name)
 * @param row   the totals row, numbered as the spreadsheet shows it: the last row of the table
 */
record XlsxTableTotals(String table, int row) {

    /** The totals rows of the tables in these table parts of the package; none when none has one. */
    static List<XlsxTableTotals> of(ZipFile zip, List<String> tableParts) throws IOException {
        List<XlsxTableTotals> totals = new ArrayList<>();
        for (String table : tableParts) {
            ZipEntry entry = zip.getEntry(table);
            if (entry != null) {
                XlsxPackageCheck.parse(zip, entry, new DefaultHandler() {
                    @Override
                    public void startElement(String uri, String localName, String qName, Attributes attributes) {
                        if ("table".equals(localName)) {
                            totals(attributes).ifPresent(totals::add);
                        }
                    }
                });
            }
        }
        return totals;
    }

    private static Optional<XlsxTableTotals> totals(Attributes table) {
        String ref = table.getValue("ref");
        String count = table.getValue("totalsRowCount");
        if (ref == null || count == null || !count.strip().matches("0*[1-9][0-9]*")) {
            return Optional.empty(); // no totals row: the attribute is left out, or 0
        }
        String name = table.getValue("displayName") != null ? table.getValue("displayName") : table.getValue("name");
        // Excel makes one totals row, the table's last
        return Optional.of(new XlsxTableTotals(name == null ? "" : name,
                CellRangeAddress.valueOf(ref.replace("$", "")).getLastRow() + 1));
    }
}
