package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.util.CellRangeAddress;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The merged cells of one worksheet of an {@code .xlsx}. A worksheet lists them after all its rows
 * ({@code <mergeCells>} follows {@code <sheetData>}), so the streaming reader knows them only once the
 * last row has gone by, too late for the rows they cover. They are therefore read first, in a pass over
 * the worksheet's bytes that looks at nothing but {@code <mergeCell ref="A2:A4"/>} tags: no cell is
 * parsed, and nothing but the areas is kept.
 */
final class XlsxMergedCells {

    private static final Pattern REF = Pattern.compile("\\sref\\s*=\\s*[\"']([A-Za-z0-9:$]+)[\"']");
    private static final byte[] MERGE_CELL = "mergeCell".getBytes(StandardCharsets.US_ASCII);
    /** Longest tag looked at; a {@code mergeCell} tag is a few dozen bytes. */
    private static final int MAX_TAG = 512;

    private XlsxMergedCells() {
    }

    /** The merged areas of the sheet of that name; none when it has none. */
    static List<CellRangeAddress> of(Path file, String sheetName) {
        // the package is read as a zip, as XlsxPackageCheck reads it, so that strict OOXML (other
        // namespaces, which POI's own sheet lookup does not know) is found too
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String part = worksheet(zip, sheetName);
            ZipEntry sheet = part == null ? null : zip.getEntry(part);
            if (sheet == null) {
                return List.of();
            }
            try (InputStream in = zip.getInputStream(sheet)) {
                return scan(in);
            }
        } catch (UnreadableInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw WorkbookFailures.unreadable(e);
        }
    }

    /** The zip entry name of the worksheet of that name; null when the workbook has none. */
    static String worksheet(ZipFile zip, String sheetName) throws IOException {
        String workbook = XlsxPackageCheck.officeDocument(zip);
        String id = workbook == null ? null : sheetId(zip, workbook, sheetName);
        if (id == null) {
            return null;
        }
        Map<String, String> worksheets = new HashMap<>();
        XlsxPackageCheck.readPartRelationships(zip, workbook, (relId, type, target, external) -> {
            if (!external && type.endsWith("/worksheet")) {
                worksheets.put(relId, target);
            }
        });
        return worksheets.get(id);
    }

    /** The relationship ID of the sheet of that name, from the workbook part's {@code <sheet>} list. */
    private static String sheetId(ZipFile zip, String workbook, String sheetName) throws IOException {
        ZipEntry entry = zip.getEntry(workbook);
        if (entry == null) {
            return null;
        }
        String[] found = new String[1];
        XlsxPackageCheck.parse(zip, entry, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (found[0] != null || !"sheet".equals(localName) || !sheetName.equals(attributes.getValue("name"))) {
                    return;
                }
                for (int i = 0; i < attributes.getLength(); i++) {
                    // r:id, in the transitional or the strict relationships namespace
                    if ("id".equals(attributes.getLocalName(i)) && attributes.getURI(i).endsWith("relationships")) {
                        found[0] = attributes.getValue(i);
                    }
                }
            }
        });
        return found[0];
    }

    /**
     * Finds the {@code mergeCell} tags, with or without a namespace prefix. Text and attribute values
     * cannot hold a {@code <} (XML escapes it), so every {@code <} starts markup.
     */
    static List<CellRangeAddress> scan(InputStream in) throws IOException {
        List<CellRangeAddress> areas = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        byte[] tag = new byte[MAX_TAG];
        int length = -1; // bytes of the tag being read; -1 outside a tag
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '<') {
                    length = 0;
                } else if (length < 0) {
                    continue;
                } else if (b == '>' || length == MAX_TAG) {
                    if (isMergeCell(tag, length)) {
                        Matcher ref = REF.matcher(new String(tag, 0, length, StandardCharsets.US_ASCII));
                        if (ref.find()) {
                            if (areas.size() == MergedAreas.MAX_AREAS) {
                                // stopped here: the list itself is what a hostile sheet would grow
                                throw MergedAreas.tooMany();
                            }
                            areas.add(CellRangeAddress.valueOf(ref.group(1).replace("$", "")));
                        }
                    }
                    length = -1;
                } else {
                    tag[length++] = b;
                }
            }
        }
        return areas;
    }

    /** The tag's name, after any prefix, is {@code mergeCell} (not {@code mergeCells}). */
    private static boolean isMergeCell(byte[] tag, int length) {
        int end = 0;
        while (end < length && tag[end] != ' ' && tag[end] != '\t' && tag[end] != '\r' && tag[end] != '\n'
                && tag[end] != '/') {
            end++;
        }
        int start = end - MERGE_CELL.length;
        if (start < 0 || (start > 0 && tag[start - 1] != ':')) {
            return false;
        }
        for (int i = 0; i < MERGE_CELL.length; i++) {
            if (tag[start + i] != MERGE_CELL[i]) {
                return false;
            }
        }
        return true;
    }
}
