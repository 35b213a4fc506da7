package io.apolloroutes.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The sheets an {@code .xlsx} lists in its workbook part, each with the part its relationship leads to.
 * Read from the zip, as {@link XlsxPackageCheck} reads it, so that strict OOXML (other namespaces, which
 * POI's own sheet lookup does not know) is found too.
 *
 * @param worksheets the worksheets' zip entry names by sheet name
 * @param others     the sheets that are not worksheets, by name: what kind they are ("a chart sheet", a tab that
 *                   shows one chart and holds no cells; a dialog sheet; an Excel 4.0 macro sheet)
 */
record XlsxSheetList(Map<String, String> worksheets, Map<String, String> others) {

    /** Relationship type endings of the sheets that are not worksheets, and what a person calls them. */
    private static final Map<String, String> OTHER_KINDS = Map.of(
            "/chartsheet", "a chart sheet",
            "/dialogsheet", "a dialog sheet",
            "/xlMacrosheet", "a macro sheet",
            "/xlIntlMacrosheet", "a macro sheet");

    static XlsxSheetList of(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return of(zip);
        } catch (UnreadableInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw WorkbookFailures.unreadable(e);
        }
    }

    static XlsxSheetList of(ZipFile zip) throws IOException {
        String workbook = XlsxPackageCheck.officeDocument(zip);
        ZipEntry entry = workbook == null ? null : zip.getEntry(workbook);
        if (entry == null) {
            return new XlsxSheetList(Map.of(), Map.of());
        }
        Map<String, String> idsByName = new LinkedHashMap<>();
        XlsxPackageCheck.parse(zip, entry, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (!"sheet".equals(localName) || attributes.getValue("name") == null) {
                    return;
                }
                for (int i = 0; i < attributes.getLength(); i++) {
                    // r:id, in the transitional or the strict relationships namespace
                    if ("id".equals(attributes.getLocalName(i)) && attributes.getURI(i).endsWith("relationships")) {
                        idsByName.putIfAbsent(attributes.getValue("name"), attributes.getValue(i));
                    }
                }
            }
        });
        Map<String, String> worksheetParts = new HashMap<>();
        Map<String, String> otherKinds = new HashMap<>();
        XlsxPackageCheck.readPartRelationships(zip, workbook, (id, type, target, external) -> {
            if (external) {
                return;
            }
            if (type.endsWith("/worksheet")) {
                worksheetParts.put(id, target);
            }
            OTHER_KINDS.forEach((ending, kind) -> {
                if (type.endsWith(ending)) {
                    otherKinds.put(id, kind);
                }
            });
        });
        Map<String, String> worksheets = new HashMap<>();
        Map<String, String> others = new HashMap<>();
        idsByName.forEach((name, id) -> {
            if (worksheetParts.containsKey(id)) {
                worksheets.put(name, worksheetParts.get(id));
            } else if (otherKinds.containsKey(id)) {
                others.put(name, otherKinds.get(id));
            }
        });
        return new XlsxSheetList(Map.copyOf(worksheets), Map.copyOf(others));
    }
}
