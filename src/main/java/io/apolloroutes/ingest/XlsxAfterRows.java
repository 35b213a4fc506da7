package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * What one worksheet of an {@code .xlsx} lists after its rows, that the rows need: its merged cells
 * ({@code <mergeCells>}), its links ({@code <hyperlinks>}) and its Excel tables ({@code <tableParts>}),
 * all after {@code <sheetData>}. The streaming reader knows them only once the last row has gone by,
 * too late for the rows they are on. They are therefore read first, in one pass over the worksheet's
 * bytes that looks at nothing but {@code <mergeCell ref="A2:A4"/>} and {@code <hyperlink ref="B2"
 * r:id="rId1"/>} tags (no cell is parsed, and nothing but those is kept), and one read of the
 * worksheet's relationships, which hold the links' addresses and name the table parts.
 *
 * @param merged the merged areas
 * @param links  the links to addresses outside the workbook (a link's address is kept in the
 *               worksheet's relationships, which its {@code r:id} names)
 * @param totals the totals rows of the sheet's Excel tables
 * @param phoneticAt the first cell whose inline text carries a phonetic guide ({@code <rPh>}, Japanese
 *                   furigana), or null. excel-streaming-reader adds such a guide to the cell's text
 *                   ("大阪の件オオサカ"); in the shared strings table, where Excel keeps them, it leaves
 *                   them out. The same one pass finds them: they stand between the rows.
 */
record XlsxAfterRows(List<CellRangeAddress> merged, List<SheetLinks.Link> links, List<XlsxTableTotals> totals,
                     String phoneticAt) {

    private static final Pattern REF = Pattern.compile("\\sref\\s*=\\s*[\"']([A-Za-z0-9:$]+)[\"']");
    /**
     * The relationship ID: an {@code id} in the relationships namespace, which a hyperlink tag can only
     * name with a prefix ({@code r:id}), whatever the prefix is; not {@code xr:uid}.
     */
    private static final Pattern RELATIONSHIP_ID = Pattern.compile("\\s[A-Za-z_][\\w.-]*:id\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final byte[] MERGE_CELL = "mergeCell".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HYPERLINK = "hyperlink".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CELL = "c".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PHONETIC_RUN = "rPh".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern CELL_REF = Pattern.compile("\\sr\\s*=\\s*[\"']([A-Za-z0-9$]+)[\"']");
    /**
     * Longest tag looked at. A {@code mergeCell} tag is a few dozen bytes; a {@code hyperlink} tag names
     * its relationship right after its cell, but may go on with a tooltip and display text of up to 255
     * characters each, escaped.
     */
    private static final int MAX_TAG = 4096;

    /** What the tags name, before a link's relationship is looked up. */
    record Tags(List<CellRangeAddress> merged, List<LinkTag> links, String phoneticAt) {
    }

    /** A {@code hyperlink} tag with a relationship: its cells, and the relationship's ID. */
    record LinkTag(CellRangeAddress cells, String relationship) {
    }

    /**
     * The merged areas, links and table totals rows of a worksheet; none when it has none.
     *
     * @param part the worksheet's zip entry name ({@link XlsxSheetList#worksheets()}), or null
     */
    static XlsxAfterRows of(Path file, String part) {
        // the package is read as a zip, as XlsxPackageCheck reads it, so that strict OOXML (other
        // namespaces, which POI's own sheet lookup does not know) is found too
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry sheet = part == null ? null : zip.getEntry(part);
            if (sheet == null) {
                return new XlsxAfterRows(List.of(), List.of(), List.of(), null);
            }
            Tags tags;
            try (InputStream in = zip.getInputStream(sheet)) {
                tags = scan(in);
            }
            // only the addresses the tags name are kept: the tags are capped, the relationships part is not
            Set<String> named = new HashSet<>();
            tags.links().forEach(tag -> named.add(tag.relationship()));
            Map<String, String> addresses = new HashMap<>();
            List<String> tables = new ArrayList<>();
            XlsxPackageCheck.readPartRelationships(zip, part, (id, type, target, external) -> {
                if (external && type.endsWith("/hyperlink") && named.contains(id)) {
                    addresses.put(id, target);
                } else if (!external && type.endsWith("/table")) {
                    tables.add(target);
                }
            });
            List<SheetLinks.Link> links = new ArrayList<>();
            for (LinkTag tag : tags.links()) {
                String address = addresses.get(tag.relationship());
                if (address != null && !address.isBlank()) {
                    links.add(new SheetLinks.Link(tag.cells(), address));
                }
            }
            return new XlsxAfterRows(tags.merged(), links, XlsxTableTotals.of(zip, tables), tags.phoneticAt());
        } catch (UnreadableInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw WorkbookFailures.unreadable(e);
        }
    }

    /**
     * Finds the {@code mergeCell} and {@code hyperlink} tags, with or without a namespace prefix. Text
     * and attribute values cannot hold a {@code <} (XML escapes it), so every {@code <} starts markup.
     * A {@code hyperlink} tag with only a {@code location} leads to a place in the workbook and is not
     * kept.
     */
    static Tags scan(InputStream in) throws IOException {
        List<CellRangeAddress> areas = new ArrayList<>();
        List<LinkTag> links = new ArrayList<>();
        String phoneticAt = null;
        byte[] buffer = new byte[1 << 16];
        byte[] tag = new byte[MAX_TAG];
        // the open cell's tag, copied, for the cell of a phonetic run inside it; -1 outside a cell
        byte[] cell = new byte[MAX_TAG];
        int cellLength = -1;
        int length = -1; // bytes of the tag being read; -1 outside a tag
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '<') {
                    length = 0;
                } else if (length < 0) {
                    continue;
                } else if (b == '>' || length == MAX_TAG) {
                    if (isNamed(tag, length, CELL)) {
                        // <c r="B2"/> holds nothing
                        boolean empty = length > 0 && tag[length - 1] == '/';
                        System.arraycopy(tag, 0, cell, 0, length);
                        cellLength = empty ? -1 : length;
                    } else if (isClosing(tag, length, CELL)) {
                        cellLength = -1;
                    } else if (phoneticAt == null && cellLength >= 0 && isNamed(tag, length, PHONETIC_RUN)) {
                        Matcher ref = CELL_REF.matcher(new String(cell, 0, cellLength, StandardCharsets.US_ASCII));
                        phoneticAt = ref.find() ? ref.group(1) : "";
                    } else if (isNamed(tag, length, MERGE_CELL)) {
                        Matcher ref = REF.matcher(new String(tag, 0, length, StandardCharsets.US_ASCII));
                        if (ref.find()) {
                            if (areas.size() == MergedAreas.MAX_AREAS) {
                                // stopped here: the list itself is what a hostile sheet would grow
                                throw MergedAreas.tooMany();
                            }
                            areas.add(range(ref.group(1)));
                        }
                    } else if (isNamed(tag, length, HYPERLINK)) {
                        String attributes = new String(tag, 0, length, StandardCharsets.US_ASCII);
                        Matcher ref = REF.matcher(attributes);
                        Matcher id = RELATIONSHIP_ID.matcher(attributes);
                        if (ref.find() && id.find()) {
                            if (links.size() == SheetLinks.MAX_LINKS) {
                                throw SheetLinks.tooMany();
                            }
                            links.add(new LinkTag(range(ref.group(1)), id.group(1)));
                        }
                    }
                    length = -1;
                } else {
                    tag[length++] = b;
                }
            }
        }
        return new Tags(areas, links, phoneticAt);
    }

    /** A cell or an area, {@code B2} or {@code $B$2:C4}. */
    private static CellRangeAddress range(String ref) {
        return CellRangeAddress.valueOf(ref.replace("$", ""));
    }

    /**
     * The tag's name, after any prefix, is {@code name} ({@code mergeCell}, not {@code mergeCells}; and
     * not a closing tag).
     */
    private static boolean isNamed(byte[] tag, int length, byte[] name) {
        return isNamed(tag, 0, length, name);
    }

    /** The closing tag of {@code name}: {@code </c>}, {@code </x:c>}. */
    private static boolean isClosing(byte[] tag, int length, byte[] name) {
        return length > 0 && tag[0] == '/' && isNamed(tag, 1, length, name);
    }

    private static boolean isNamed(byte[] tag, int from, int length, byte[] name) {
        int end = from;
        while (end < length && tag[end] != ' ' && tag[end] != '\t' && tag[end] != '\r' && tag[end] != '\n'
                && tag[end] != '/') {
            end++;
        }
        int start = end - name.length;
        if (start < from || (start > from && tag[start - 1] != ':')) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (tag[start + i] != name[i]) {
                return false;
            }
        }
        return true;
    }
}
