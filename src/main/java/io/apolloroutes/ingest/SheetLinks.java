package io.apolloroutes.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The cells of one sheet that carry a link added with Insert &gt; Link (Ctrl+K), visited row by row
 * from the top. Only a cell's text is read, as in a CSV export of the sheet, so a body cell "Book a call"
 * linked to a calendar would go out as the words alone; such a cell is a cell problem instead (see
 * {@link #problem}). A link to a place in the workbook itself is not kept: it means nothing in an email.
 *
 * <p>The links on one row are kept by first column, so finding the one on a cell costs a lookup, not a
 * pass over all of them. Excel gives a cell one link at most; should a damaged file list overlapping
 * ones, a cell under two of them may be found under either, or missed.
 */
final class SheetLinks {

    /**
     * Most links a sheet may have. A sheet of sequences has a few per step at most; a sheet with
     * millions would hold the list of them in memory, so it is refused instead.
     */
    static final int MAX_LINKS = 250_000;

    /**
     * One link.
     *
     * @param cells   the cells it is on: one, or a range when it was added to several at once
     * @param address where it leads, as the file keeps it ({@code https://...}, {@code mailto:...})
     */
    record Link(CellRangeAddress cells, String address) {
    }

    private final Iterator<Link> ahead;
    private Link next;
    /** The links over the current row, by first column. */
    private final TreeMap<Integer, Link> current = new TreeMap<>();
    /** The same links, the one that ends first on top. */
    private final PriorityQueue<Link> ending = new PriorityQueue<>(Comparator.comparingInt(link -> link.cells().getLastRow()));

    /** @param links the sheet's links to addresses outside the workbook, in any order */
    SheetLinks(List<Link> links) {
        if (links.size() > MAX_LINKS) {
            throw tooMany();
        }
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort(Comparator.comparingInt(link -> link.cells().getFirstRow()));
        this.ahead = sorted.iterator();
        this.next = ahead.hasNext() ? ahead.next() : null;
    }

    /** The links of an {@code .xls} sheet, which keeps them with its cells. */
    static SheetLinks of(HSSFSheet sheet) {
        List<Link> links = new ArrayList<>();
        sheet.getHyperlinkList().forEach(link -> {
            // a DOCUMENT link leads to a place in the workbook: nothing an email could lead to
            if (link.getType() != HyperlinkType.DOCUMENT && link.getAddress() != null && !link.getAddress().isBlank()) {
                links.add(new Link(new CellRangeAddress(link.getFirstRow(), link.getLastRow(), link.getFirstColumn(),
                        link.getLastColumn()), link.getAddress()));
            }
        });
        return new SheetLinks(links);
    }

    /** The answer to a sheet with more than {@value #MAX_LINKS} links. */
    static UnreadableInputException tooMany() {
        return new UnreadableInputException(0, "has more than " + MAX_LINKS + " links on one sheet, far more than a"
                + " sheet of sequences needs, so it is not read; remove the links (select all, then Home > Clear > Remove Hyperlinks)"
                + " and save it again");
    }

    /** Moves to a row (0-based); rows come in order from the top. */
    void moveTo(int row) {
        while (!ending.isEmpty() && ending.peek().cells().getLastRow() < row) {
            Link ended = ending.poll();
            current.remove(ended.cells().getFirstColumn(), ended);
        }
        while (next != null && next.cells().getFirstRow() <= row) {
            if (next.cells().getLastRow() >= row) {
                current.put(next.cells().getFirstColumn(), next);
                ending.add(next);
            }
            next = ahead.hasNext() ? ahead.next() : null;
        }
    }

    /**
     * The problem of a cell of the current row showing {@code text}: null when it carries no link, or
     * a link to the very address it shows (Excel links a typed address by itself, and nothing is lost).
     */
    String problem(int column, String text) {
        if (current.isEmpty()) {
            return null; // most rows of most sheets: no link
        }
        Map.Entry<Integer, Link> left = current.floorEntry(column);
        if (left == null || !left.getValue().cells().containsColumn(column)) {
            return null;
        }
        String address = left.getValue().address().strip();
        String shown = text.strip();
        if (showsItself(address, shown)) {
            return null;
        }
        return lostLink("to " + address + " (Insert > Link)", address, shown);
    }

    /**
     * The problem of a cell whose link would be lost, for links added with Insert &gt; Link and made by
     * {@code =HYPERLINK} alike.
     *
     * @param link    how the link is named: "to https://... (Insert &gt; Link)"
     * @param address where it leads, or null when the formula computes it
     * @param shown   the cell's text
     */
    static String lostLink(String link, String address, String shown) {
        return "is a link " + link + ", but only a cell's text is read, so the email would show '" + shown
                + "' without the link; write the link into the text instead (in a body: <a href=\""
                + (address == null ? "the address" : address) + "\">" + shown + "</a>), or type the address itself";
    }

    /**
     * The text is the address: as typed, or as Excel shows the link it makes of a typed e-mail address
     * ({@code mailto:ada@example.com} shown as {@code ada@example.com}) or of a typed web address
     * ({@code http://www.example.com/} shown as {@code www.example.com}).
     */
    static boolean showsItself(String address, String text) {
        if (address.equals(text)) {
            return true;
        }
        String lower = address.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:")) {
            return address.substring("mailto:".length()).equals(text);
        }
        String bare = lower.startsWith("http://") ? address.substring(7)
                : lower.startsWith("https://") ? address.substring(8) : null;
        return bare != null && (bare.equals(text) || bare.equals(text + "/") || address.equals(text + "/"));
    }
}
