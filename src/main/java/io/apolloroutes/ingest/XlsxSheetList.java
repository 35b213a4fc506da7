package io.apolloroutes.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
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
 * @param charts     the names of the chart sheets: tabs that show one chart and hold no cells
 */
record XlsxSheetList(Map<String, String> worksheets, Set<String> charts) {

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
            return new XlsxSheetList(Map.of(), Set.of());
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
        Set<String> chartIds = new LinkedHashSet<>();
        XlsxPackageCheck.readPartRelationships(zip, workbook, (id, type, target, external) -> {
            if (!external && type.endsWith("/worksheet")) {
                worksheetParts.put(id, target);
            } else if (!external && type.endsWith("/chartsheet")) {
                chartIds.add(id);
            }
        });
        Map<String, String> worksheets = new HashMap<>();
        Set<String> charts = new LinkedHashSet<>();
        idsByName.forEach((name, id) -> {
            if (worksheetParts.containsKey(id)) {
                worksheets.put(name, worksheetParts.get(id));
            } else if (chartIds.contains(id)) {
                charts.add(name);
            }
        });
        return new XlsxSheetList(Map.copyOf(worksheets), Set.copyOf(charts));
    }
}
