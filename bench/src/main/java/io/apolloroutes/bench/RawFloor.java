package io.apolloroutes.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.github.pjfanning.xlsx.StreamingReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The raw floor: the least work that turns the same rows into JSON. Parse the file with the library the
 * pack uses (commons-csv, or excel-streaming-reader for a workbook) and write every row as one JSON
 * object, keyed by the header, to one output stream, in a plain loop: no Camel, no grouping, no mapping,
 * no validation. Run by the harness in a JVM of its own with the same heap as the pack, so the two
 * compare; prints one JSON line with the row count and the seconds from opening the input to closing the
 * output.
 *
 * <p>{@code java -cp ... io.apolloroutes.bench.RawFloor INPUT OUTPUT [--warm]}
 */
public final class RawFloor {

    private RawFloor() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("--files")) {
            files(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            return;
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        if (args.length > 2 && args[2].equals("--warm")) {
            // the same work once, unmeasured, as the pipeline gets with the harness's --warm
            floor(input, output);
        }
        long cpu = processCpuTime();
        long started = System.nanoTime();
        long rows = floor(input, output);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "{\"rows\": %d, \"seconds\": %.3f, \"cpu_seconds\": %.3f}%n", rows, seconds,
                (processCpuTime() - cpu) / 1e9);
    }

    /**
     * A reference for the outbox, which the floor does not have: the least it costs to create {@code count}
     * files of {@code size} bytes in one new folder, one after the other, as the dry run does.
     */
    static void files(int count, int size, Path folder) throws IOException {
        byte[] content = new byte[size];
        java.util.Arrays.fill(content, (byte) 'x');
        long cpu = processCpuTime();
        long started = System.nanoTime();
        Files.createDirectories(folder);
        for (int i = 1; i <= count; i++) {
            Files.write(folder.resolve(String.format(Locale.ROOT, "%06d-outbound-vp-sales-berlin-%06d.json", i, i)),
                    content, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "{\"files\": %d, \"seconds\": %.3f, \"cpu_seconds\": %.3f}%n", count, seconds,
                (processCpuTime() - cpu) / 1e9);
    }

    private static long processCpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long floor(Path input, Path output) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
             JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            return input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")
                    ? xlsx(input, json) : csv(input, json);
        }
    }

    /** The pack's CSV settings (RFC 4180, empty lines kept), strict UTF-8 decoding. */
    static long csv(Path input, JsonGenerator json) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).get();
        long rows = 0;
        try (Reader reader = Files.newBufferedReader(input);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header = records.next().toList();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                json.writeStartObject();
                for (int i = 0; i < record.size() && i < header.size(); i++) {
                    json.writeStringField(header.get(i), record.get(i));
                }
                json.writeEndObject();
                json.writeRaw('\n');
                rows++;
            }
        }
        return rows;
    }

    /**
     * The first sheet, streamed with the settings the pack's reader uses ({@code WorkbookOpener}: a few
     * rows at a time, the shared-strings table in a temp file, nothing but values and number formats);
     * numbers written as the whole numbers they are, empty cells as "".
     */
    static long xlsx(Path input, JsonGenerator json) throws IOException {
        long rows = 0;
        try (Workbook workbook = StreamingReader.builder()
                .rowCacheSize(100)
                .bufferSize(8192)
                .setUseSstTempFile(true)
                .setEncryptSstTempFile(false)
                .setReadComments(false)
                .setReadHyperlinks(false)
                .setReadShapes(false)
                .setReadCoreProperties(false)
                .setReadSharedFormulas(false)
                .setFullFormatRichText(false)
                .setReadStyles(true)
                .open(input.toFile())) {
            Sheet sheet = workbook.getSheetAt(0);
            Iterator<Row> iterator = sheet.rowIterator();
            Row first = iterator.next();
            List<String> header = new ArrayList<>();
            for (int i = 0; i < first.getLastCellNum(); i++) {
                header.add(text(first.getCell(i)));
            }
            while (iterator.hasNext()) {
                Row row = iterator.next();
                json.writeStartObject();
                for (int i = 0; i < header.size(); i++) {
                    json.writeStringField(header.get(i), text(row.getCell(i)));
                }
                json.writeEndObject();
                json.writeRaw('\n');
                rows++;
            }
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                yield value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
            }
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
