package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apolloroutes.support.TestInputs;
import io.apolloroutes.support.TestWorkbooks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not what their name says, damaged, or built to hurt: each is refused with a reason a
 * person can act on, and without a stack trace or an exhausted heap.
 */
class WorkbookHostileInputTest {

    /** Files of at most 100 kB, so that a few hundred thousand characters are more than a file may hold. */
    private static final ReadOptions FILES_OF_100_KB = new ReadOptions(StandardCharsets.UTF_8, null, null, null,
            new InputLimits(100_000, 1_000_000, 100_000));

    @TempDir
    Path dir;

    @Test
    void refuses_an_empty_file() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.xlsx"));

        assertUnreadable(file, "is empty; it needs a header row and at least one row of data");
    }

    @Test
    void says_a_csv_named_xlsx_is_text() throws IOException {
        Path file = Files.writeString(dir.resolve("export.xlsx"), "sequence,subject\nA,Hi\n");

        assertUnreadable(file, "is text, not an Excel workbook; if it is CSV, name it .csv (or .tsv for"
                + " tab-separated text)");
    }

    @Test
    void says_random_bytes_are_not_a_workbook() throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = 0;
        Path file = Files.write(dir.resolve("noise.xlsx"), noise);

        assertUnreadable(file, "is not an Excel workbook; save it from Excel or LibreOffice as .xlsx");
    }

    @Test
    void refuses_a_truncated_workbook_as_damaged() throws IOException {
        Path whole = TestWorkbooks.xlsx(dir, "whole.xlsx", new Object[] {"sequence"}, new Object[] {"A"});
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

        assertUnreadable(cut, WorkbookFailures.DAMAGED);
    }

    @Test
    void refuses_a_password_protected_workbook() throws Exception {
        Path plain = TestWorkbooks.xlsx(dir, "plain.xlsx", new Object[] {"sequence"}, new Object[] {"A"});
        Path locked = dir.resolve("locked.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(plain, out);
            }
            try (OutputStream out = Files.newOutputStream(locked)) {
                fs.writeFilesystem(out);
            }
        }

        assertUnreadable(locked, "is protected with a password, so it cannot be read; open it, remove the"
                + " password (Excel: File > Info > Protect Workbook > Encrypt with Password, clear it) and save it"
                + " again");
    }

    @Test
    void refuses_an_office_file_that_is_not_a_workbook() throws IOException {
        Path file = dir.resolve("letter.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "WordDocument");
            fs.writeFilesystem(out);
        }

        assertUnreadable(file, "is an Office file but not an Excel workbook (perhaps a Word or PowerPoint file);"
                + " save the table from Excel as .xlsx");
    }

    @Test
    void refuses_a_zip_bomb_before_unpacking_it() throws IOException {
        // 40 MB of tags that compress about 1,000:1, where the libraries would read them
        Path bomb = repack(workbook("bomb-source.xlsx"), "bomb.xlsx",
                Map.of("xl/worksheets/sheet2.xml", ("<x>" + "<a/>".repeat(10_000_000) + "</x>").getBytes()));

        assertUnreadable(bomb, WorkbookFailures.ZIP_BOMB);
    }

    @Test
    void refuses_one_text_long_enough_to_exhaust_memory() throws IOException {
        // random letters do not compress, so only the length of the one text gives it away
        StringBuilder text = new StringBuilder("<sst><si><t>");
        Random random = new Random(1);
        for (int i = 0; i < 5 << 20; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        Path file = repack(workbook("long-source.xlsx"), "long.xlsx",
                Map.of("xl/sharedStrings.xml", text.append("</t></si></sst>").toString().getBytes()));

        assertUnreadable(file, "holds more than 4 MB of text in one place (Excel allows 32,767 characters in a"
                + " cell), so it is not read; shorten the longest cells and save the file again");
    }

    @Test
    void refuses_a_sheet_with_more_merged_cells_than_a_sheet_of_sequences_has() throws IOException {
        // each merged area is kept in memory, by the pack and by the streaming reader: millions would exhaust it
        StringBuilder sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>sequence</t></is></c></row></sheetData>"
                + "<mergeCells>");
        for (int row = 2; row <= MergedAreas.MAX_AREAS + 2; row++) {
            sheet.append("<mergeCell ref=\"A").append(row).append(":B").append(row).append("\"/>");
        }
        Path file = repack(workbook("merges-source.xlsx"), "merges.xlsx",
                Map.of("xl/worksheets/sheet1.xml", sheet.append("</mergeCells></worksheet>").toString().getBytes()));

        assertUnreadable(file, "has more than 250000 merged cell areas on one sheet, far more than a sheet of"
                + " sequences needs, so it is not read; unmerge the cells (select all, then turn Merge Cells off) and"
                + " save it again");
    }

    @Test
    void refuses_a_sheet_with_more_links_than_a_sheet_of_sequences_has() throws IOException {
        // each link is kept in memory until its row is read: millions would exhaust it
        StringBuilder sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>sequence</t></is></c></row></sheetData>"
                + "<hyperlinks>");
        for (int row = 2; row <= SheetLinks.MAX_LINKS + 2; row++) {
            sheet.append("<hyperlink ref=\"A").append(row).append("\" r:id=\"rId1\"/>");
        }
        Path file = repack(workbook("links-source.xlsx"), "links.xlsx",
                Map.of("xl/worksheets/sheet1.xml", sheet.append("</hyperlinks></worksheet>").toString().getBytes()));

        assertUnreadable(file, "has more than 250000 links on one sheet, far more than a sheet of sequences needs, so"
                + " it is not read; remove the links (select all, then Home > Clear > Remove Hyperlinks) and save it"
                + " again");
    }

    @Test
    void refuses_a_sheet_whose_merged_cells_repeat_more_text_than_a_file_may_hold() {
        // one text merged down over every row costs the file nothing per row, but is read once on each of them:
        // thousands of such columns over a million rows would be terabytes from a file of a few megabytes
        Path file = mergedDownOver100Rows("x".repeat(2_000));

        assertMoreTextThanAFileMayHold(file);
    }

    @Test
    void refuses_a_workbook_whose_shared_texts_stand_for_more_text_than_a_file_may_hold() {
        // Excel keeps a text used in many cells once: a few bytes per cell can each stand for 32,767 characters
        Path file = sameBodyOn100Rows("x".repeat(2_000));

        assertMoreTextThanAFileMayHold(file);
    }

    @Test
    void reads_a_workbook_whose_shared_texts_stand_for_less_text_than_a_file_may_hold() throws IOException {
        Path file = sameBodyOn100Rows("x".repeat(900));

        try (SpooledInput input = TestInputs.spool(file, FILES_OF_100_KB)) {
            assertThat(input.sequences().next().records()).hasSize(100);
        }
    }

    private static void assertMoreTextThanAFileMayHold(Path file) {
        assertThatThrownBy(() -> TestInputs.spool(file, FILES_OF_100_KB).close())
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("holds more text than the 0.1 MB a file may have (input.max-file-size), counted as its CSV"
                        + " export would be: a text used in many cells, or a cell merged down over many rows, counts"
                        + " once for each; so it is not read; split it into smaller workbooks");
    }

    /** A sequence of 100 steps with one body, which the workbook stores once, in its shared strings. */
    private Path sameBodyOn100Rows(String body) {
        return TestWorkbooks.xlsx(dir, "shared.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("Plan");
            TestWorkbooks.putRows(sheet, 1, new Object[] {"sequence", "step", "body"});
            for (int row = 2; row <= 101; row++) {
                TestWorkbooks.putRows(sheet, row, new Object[] {"Q1", row - 1, body});
            }
        });
    }

    @Test
    void reads_a_sheet_whose_merged_cells_repeat_less_text_than_a_file_may_hold() throws IOException {
        Path file = mergedDownOver100Rows("x".repeat(900));

        try (SpooledInput input = TestInputs.spool(file, FILES_OF_100_KB)) {
            assertThat(input.sequences().next().records()).hasSize(100);
        }
    }

    /** A sequence of 100 steps whose name and first body are merged down over all of them. */
    private Path mergedDownOver100Rows(String body) {
        return TestWorkbooks.xlsx(dir, "repeats.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("Plan");
            TestWorkbooks.putRows(sheet, 1, new Object[] {"sequence", "step", "body"}, new Object[] {"Q1", 1, body});
            for (int row = 3; row <= 101; row++) {
                TestWorkbooks.putRows(sheet, row, new Object[] {null, row - 1});
            }
            sheet.addMergedRegion(CellRangeAddress.valueOf("A2:A101"));
            sheet.addMergedRegion(CellRangeAddress.valueOf("C2:C101"));
        });
    }

    @Test
    void refuses_a_part_the_libraries_would_hold_in_memory_when_it_is_too_large() throws IOException {
        StringBuilder styles = new StringBuilder("<styleSheet>");
        Random random = new Random(2);
        while (styles.length() < 17 << 20) {
            styles.append("<x v=\"").append(Long.toHexString(random.nextLong())).append("\"/>");
        }
        Path file = repack(workbook("styles-source.xlsx"), "styles.xlsx",
                Map.of("xl/styles.xml", styles.append("</styleSheet>").toString().getBytes()));

        assertUnreadable(file, "has a part (xl/styles.xml) larger than 16 MB unpacked, more than the pack reads;"
                + " split the workbook into smaller files");
    }

    @Test
    void refuses_a_workbook_that_links_to_other_workbooks() throws IOException {
        Path file = repack(workbook("links-source.xlsx"), "links.xlsx",
                Map.of("xl/externalLinks/externalLink1.xml", "<externalLink/>".getBytes()));

        assertUnreadable(file, "links to other workbooks, so some of its values are only copies that may be out"
                + " of date; in Excel or LibreOffice copy the linked cells and paste them as values (or break the"
                + " links), then save and drop the file again");
    }

    @Test
    void refuses_a_package_with_more_parts_than_a_workbook_has() throws IOException {
        Map<String, byte[]> extra = new LinkedHashMap<>();
        for (int i = 0; i < XlsxPackageCheck.MAX_PARTS; i++) {
            extra.put("xl/media/part" + i + ".bin", new byte[] {1});
        }
        Path file = repack(workbook("parts-source.xlsx"), "parts.xlsx", extra);

        assertUnreadable(file, XlsxPackageCheck.tooManyParts());
    }

    @Test
    void says_what_an_opendocument_spreadsheet_or_a_binary_workbook_is() throws IOException {
        Path ods = zip("sheet.xlsx", Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(),
                "content.xml", "<office:document-content/>".getBytes()));
        Path xlsb = zip("binary.xlsx", Map.of("[Content_Types].xml", "<Types/>".getBytes(),
                "_rels/.rels", ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                        + "relationships/officeDocument\" Target=\"xl/workbook.bin\"/></Relationships>").getBytes(),
                "xl/workbook.bin", new byte[] {0, 1, 2}));

        assertUnreadable(ods, "is an OpenDocument spreadsheet (.ods), which the pack does not read; save it as an"
                + " Excel Workbook (.xlsx) and drop that");
        assertUnreadable(xlsb, "is an Excel binary workbook (.xlsb), which the pack does not read; save it as an"
                + " Excel Workbook (.xlsx) and drop that");
    }

    @Test
    void still_reads_a_workbook_with_an_image_inside() throws IOException {
        byte[] picture = new byte[200_000];
        new Random(3).nextBytes(picture);
        Path file = TestWorkbooks.xlsx(dir, "image.xlsx", workbook -> {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("Sheet1");
            TestWorkbooks.putRows(sheet, 1, new Object[] {"sequence"}, new Object[] {"A"});
            int index = workbook.addPicture(picture, org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_PNG);
            sheet.createDrawingPatriarch().createPicture(workbook.getCreationHelper().createClientAnchor(), index);
        });

        assertThat(WorkbookRecordReaderTest.rows(file)).hasSize(1);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Path workbook(String name) {
        return TestWorkbooks.xlsx(dir, name, new Object[] {"sequence", "subject"}, new Object[] {"A", "Hi"});
    }

    private Path repack(Path source, String name, Map<String, byte[]> parts) {
        return TestWorkbooks.repack(source, dir.resolve(name), parts);
    }

    private Path zip(String name, Map<String, byte[]> parts) throws IOException {
        Path target = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> part : new java.util.TreeMap<>(parts).entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue());
            }
        }
        return target;
    }

    private static void assertUnreadable(Path file, String message) {
        assertThatThrownBy(() -> WorkbookRecordReaderTest.rows(file))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage(message);
    }

}
