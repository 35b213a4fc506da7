package io.apolloroutes.ingest;

import com.github.pjfanning.xlsx.StreamingReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Date1904Support;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Opens a workbook by what its bytes are, not by its name: an {@code .xls} saved with an
 * {@code .xlsx} name (or the other way round) is read all the same. {@code .xlsx} is streamed with
 * excel-streaming-reader, after {@link XlsxPackageCheck} has looked at the package; legacy {@code .xls}
 * is read with POI's HSSF, which holds the whole workbook in memory, so its size is limited.
 * Everything else gets a message that says what the file is and what to do.
 */
final class WorkbookOpener {

    /**
     * Largest {@code .xls} read. HSSF keeps the whole workbook in memory, several times its file size;
     * an {@code .xls} holds at most 65,536 rows, and this is ample for that many rows of sequences.
     */
    static final long MAX_XLS_BYTES = 32L << 20;

    private static final String EMPTY = "is empty; it needs a header row and at least one row of data";
    private static final String PASSWORD = "is protected with a password, so it cannot be read; open it, remove"
            + " the password (Excel: File > Info > Protect Workbook > Encrypt with Password, clear it) and save it"
            + " again";
    private static final String OLD_FORMAT = "is saved in an old Excel format (Excel 95 or earlier) that the pack"
            + " does not read; open it and save it as an Excel Workbook (.xlsx)";

    static {
        // POI's own zip limits, set explicitly: they guard every part POI inflates, after
        // XlsxPackageCheck has already looked at the package with the same numbers
        ZipSecureFile.setMinInflateRatio(XlsxPackageCheck.MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(XlsxPackageCheck.MAX_STREAMED_PART_BYTES);
        ZipSecureFile.setMaxFileCount(XlsxPackageCheck.MAX_PARTS);
    }

    private WorkbookOpener() {
    }

    /** An open workbook and what must be closed with it. */
    record Opened(Workbook workbook, boolean date1904, Closeable resources) implements Closeable {

        @Override
        public void close() throws IOException {
            try {
                workbook.close();
            } finally {
                if (resources != null) {
                    resources.close();
                }
            }
        }
    }

    /**
     * @throws UnreadableInputException when the file is not a workbook the pack can read, with the reason
     */
    static Opened open(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new UnreadableInputException(0, EMPTY);
        }
        FileMagic magic = FileMagic.valueOf(file.toFile());
        return switch (magic) {
            case OOXML -> xlsx(file);
            case OLE2 -> ole2(file);
            case BIFF2, BIFF3, BIFF4 -> throw new UnreadableInputException(0, OLD_FORMAT);
            case XML -> throw new UnreadableInputException(0, "is an XML file, not a workbook (perhaps an \"XML"
                    + " Spreadsheet 2003\"); open it in Excel and save it as an Excel Workbook (.xlsx)");
            case HTML -> throw new UnreadableInputException(0, "is a web page saved with a workbook's name (some"
                    + " programs export HTML tables as .xls); open it in Excel and save it as an Excel Workbook (.xlsx)");
            default -> throw new UnreadableInputException(0, looksLikeText(file)
                    ? "is text, not an Excel workbook; if it is CSV, name it .csv (or .tsv for tab-separated text)"
                    : "is not an Excel workbook; save it from Excel or LibreOffice as .xlsx");
        };
    }

    private static Opened xlsx(Path file) {
        XlsxPackageCheck.check(file);
        Workbook workbook = WorkbookFailures.guard(() -> StreamingReader.builder()
                // a few rows at a time: memory does not grow with the sheet
                .rowCacheSize(100)
                .bufferSize(8192)
                // the shared-strings table (every distinct text of the workbook) goes to a temp file
                .setUseSstTempFile(true)
                .setEncryptSstTempFile(false)
                // nothing but cell values and their number formats is needed
                .setReadComments(false)
                .setReadHyperlinks(false)
                .setReadShapes(false)
                .setReadCoreProperties(false)
                .setReadSharedFormulas(false)
                .setFullFormatRichText(false)
                .setReadStyles(true)
                .open(file.toFile()));
        return new Opened(workbook, ((Date1904Support) workbook).isDate1904(), null);
    }

    private static Opened ole2(Path file) throws IOException {
        POIFSFileSystem fs;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException(0, WorkbookFailures.DAMAGED);
        }
        try {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                throw new UnreadableInputException(0, PASSWORD);
            }
            if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("BOOK")
                    && !root.hasEntry("Book")) {
                throw new UnreadableInputException(0, "is an Office file but not an Excel workbook (perhaps a"
                        + " Word or PowerPoint file); save the table from Excel as .xlsx");
            }
            if (Files.size(file) > MAX_XLS_BYTES) {
                throw new UnreadableInputException(0, "is a legacy .xls workbook larger than " + (MAX_XLS_BYTES >> 20)
                        + " MB, more than the pack reads in that format; open it and save it as an Excel Workbook"
                        + " (.xlsx), which the pack reads row by row, and drop that");
            }
            HSSFWorkbook workbook = new HSSFWorkbook(root, true);
            return new Opened(workbook, workbook.getInternalWorkbook().isUsing1904DateWindowing(), fs);
        } catch (UnreadableInputException e) {
            fs.close();
            throw e;
        } catch (EncryptedDocumentException e) {
            fs.close();
            throw new UnreadableInputException(0, PASSWORD);
        } catch (OldExcelFormatException e) {
            fs.close();
            throw new UnreadableInputException(0, OLD_FORMAT);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw WorkbookFailures.unreadable(e);
        }
    }

    private static boolean looksLikeText(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        try {
            // the sample may end inside a character; that is still text
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, Math.max(0, head.length - 3)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
