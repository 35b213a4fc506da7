package io.apolloroutes.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Looks inside an {@code .xlsx} package before any workbook library does, so that a hostile or broken
 * file is refused with a reason instead of exhausting memory or disk.
 *
 * <p>An {@code .xlsx} is a zip of XML parts. The streaming reader keeps the worksheets and the
 * shared-strings table out of memory, but it still holds some parts whole (workbook, styles, theme,
 * relationships), and any single text or attribute of any part is built up in memory in one piece. So
 * every XML part is inflated here, through a counting stream, and the file is refused past these
 * limits:
 * <ul>
 *   <li>more than {@value #MAX_PARTS} parts (real workbooks have dozens), or a zip directory over
 *       {@value #MAX_DIRECTORY_BYTES} bytes, both read from the end record before the zip is opened;</li>
 *   <li>a part that inflates to more than {@code 1/MIN_INFLATE_RATIO} times its compressed size (a zip
 *       bomb), once past {@value #GRACE_BYTES} bytes;</li>
 *   <li>a worksheet or the shared-strings table over {@value #MAX_STREAMED_PART_BYTES} bytes, any other
 *       XML part over {@value #MAX_LOADED_PART_BYTES} bytes;</li>
 *   <li>a single text or attribute over {@value #MAX_TEXT_BYTES} bytes;</li>
 *   <li>links to other workbooks, whose values the file only caches.</li>
 * </ul>
 * Sizes declared in the zip directory are not trusted: only inflated bytes are counted.
 */
final class XlsxPackageCheck {

    /** Most parts a package may have; POI's own default (1,000) is tight for many-sheet workbooks. */
    static final int MAX_PARTS = 10_000;
    /**
     * DEFLATE cannot exceed about 1,000:1. Real workbook parts stay far below 100:1, although a styles
     * part full of repeated empty styles has been seen at just over 100:1; 200:1 refuses bombs without
     * refusing such files.
     */
    static final double MIN_INFLATE_RATIO = 0.005;
    /** Small parts are not judged by their ratio: a few repeated tags compress extremely well. */
    static final long GRACE_BYTES = 100 * 1024;
    /** Worksheets and the shared-strings table are streamed, so only time and temp disk bound them. */
    static final long MAX_STREAMED_PART_BYTES = 1L << 30;
    /** XML parts the libraries hold in memory whole (workbook, styles, theme, relationships, ...). */
    static final long MAX_LOADED_PART_BYTES = 16L << 20;
    /**
     * Longest stretch of a part without markup: one text or attribute, which parsers hold whole. Far
     * above what Excel writes into a cell (32,767 characters).
     */
    static final int MAX_TEXT_BYTES = 4 << 20;

    /** Central directory of {@value #MAX_PARTS} parts with long names, with room to spare. */
    static final long MAX_DIRECTORY_BYTES = 8L << 20;
    private static final int END_RECORD = 22;

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

    private XlsxPackageCheck() {
    }

    static String tooManyParts() {
        return "has more than " + MAX_PARTS + " parts inside, far more than a workbook has, so it is not unpacked;"
                + " open it in Excel or LibreOffice, save it again and drop the saved file";
    }

    static String externalLinks() {
        return "links to other workbooks, so some of its values are only copies that may be out of date; in"
                + " Excel or LibreOffice copy the linked cells and paste them as values (or break the links), then"
                + " save and drop the file again";
    }

    /**
     * @throws UnreadableInputException when the package is damaged, not a workbook, or over a limit
     */
    static void check(Path file) {
        try {
            checkDirectorySize(file);
        } catch (IOException e) {
            throw WorkbookFailures.unreadable(e);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_PARTS) {
                throw new UnreadableInputException(0, tooManyParts());
            }
            if (zip.getEntry("[Content_Types].xml") == null) {
                throw new UnreadableInputException(0, notAWorkbook(zip));
            }
            String workbook = officeDocument(zip);
            if (workbook == null) {
                throw new UnreadableInputException(0, notAWorkbook(zip));
            }
            if (workbook.toLowerCase(Locale.ROOT).endsWith(".bin")) {
                throw new UnreadableInputException(0, "is an Excel binary workbook (.xlsb), which the pack does not"
                        + " read; save it as an Excel Workbook (.xlsx) and drop that");
            }
            Set<String> streamed = streamedParts(zip, workbook);
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().toLowerCase(Locale.ROOT).startsWith("xl/externallinks/")) {
                    throw new UnreadableInputException(0, externalLinks());
                }
                if (!entry.isDirectory()) {
                    scan(zip, entry, streamed.contains(entry.getName()));
                }
            }
        } catch (ZipException e) {
            throw new UnreadableInputException(0, WorkbookFailures.DAMAGED);
        } catch (IOException e) {
            throw WorkbookFailures.unreadable(e);
        }
    }

    /**
     * Opening a zip reads its whole central directory into memory, so its size is taken from the
     * end-of-directory record first (the last one in the file, as every zip reader does).
     */
    private static void checkDirectorySize(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int tail = (int) Math.min(channel.size(), END_RECORD + 0xFFFF);
            ByteBuffer end = read(channel, channel.size() - tail, tail);
            for (int at = tail - END_RECORD; at >= 0; at--) {
                if (end.getInt(at) != 0x06054b50) {
                    continue;
                }
                long entries = end.getShort(at + 10) & 0xFFFFL;
                long directory = end.getInt(at + 12) & 0xFFFFFFFFL;
                if ((entries == 0xFFFF || directory == 0xFFFFFFFFL) && at >= 20 && end.getInt(at - 20) == 0x07064b50) {
                    // zip64: the real numbers are in the zip64 end record the locator points to
                    ByteBuffer zip64 = read(channel, end.getLong(at - 12), 56);
                    if (zip64.getInt(0) == 0x06064b50) {
                        entries = zip64.getLong(32);
                        directory = zip64.getLong(40);
                    }
                }
                if (entries > MAX_PARTS || directory < 0 || directory > MAX_DIRECTORY_BYTES) {
                    throw new UnreadableInputException(0, tooManyParts());
                }
                return;
            }
            throw new UnreadableInputException(0, WorkbookFailures.DAMAGED);
        }
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        if (position < 0 || position > channel.size() - length) {
            throw new UnreadableInputException(0, WorkbookFailures.DAMAGED);
        }
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new UnreadableInputException(0, WorkbookFailures.DAMAGED);
            }
        }
        return buffer;
    }

    private static String notAWorkbook(ZipFile zip) throws IOException {
        ZipEntry mimetype = zip.getEntry("mimetype");
        if (mimetype != null) {
            try (InputStream in = zip.getInputStream(mimetype)) {
                String type = new String(in.readNBytes(200), StandardCharsets.US_ASCII);
                if (type.contains("opendocument.spreadsheet")) {
                    return "is an OpenDocument spreadsheet (.ods), which the pack does not read; save it as an"
                            + " Excel Workbook (.xlsx) and drop that";
                }
            }
        }
        return "is a zip file but not an Excel workbook; save it from Excel or LibreOffice as .xlsx";
    }

    /** The main part of the package, from {@code _rels/.rels}; null when there is none. */
    static String officeDocument(ZipFile zip) throws IOException {
        Set<String> found = new HashSet<>();
        readRelationships(zip, "_rels/.rels", "", (id, type, target, external) -> {
            if (type.endsWith("/officeDocument") && !external) {
                found.add(target);
            }
        });
        return found.isEmpty() ? null : found.iterator().next();
    }

    /** Worksheets and the shared-strings table of the workbook part; refuses links to other workbooks. */
    private static Set<String> streamedParts(ZipFile zip, String workbook) throws IOException {
        Set<String> streamed = new HashSet<>();
        readPartRelationships(zip, workbook, (id, type, target, external) -> {
            if (type.endsWith("/externalLink")) {
                throw new UnreadableInputException(0, externalLinks());
            }
            if (!external && (type.endsWith("/worksheet") || type.endsWith("/sharedStrings"))) {
                streamed.add(target);
            }
        });
        return streamed;
    }

    /** One relationship of a part; {@code target} is a zip entry name unless {@code external}. */
    interface Relationship {
        void found(String id, String type, String target, boolean external);
    }

    /** The relationships of a part, from the {@code _rels} file beside it. */
    static void readPartRelationships(ZipFile zip, String part, Relationship out) throws IOException {
        int slash = part.lastIndexOf('/');
        String folder = part.substring(0, slash + 1);
        readRelationships(zip, folder + "_rels/" + part.substring(slash + 1) + ".rels", folder, out);
    }

    private static void readRelationships(ZipFile zip, String part, String folder, Relationship out)
            throws IOException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            return;
        }
        parse(zip, entry, new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                String type = attributes.getValue("Type");
                String target = attributes.getValue("Target");
                if ("Relationship".equals(localName) && RELATIONSHIPS.equals(uri) && type != null && target != null) {
                    boolean external = "External".equalsIgnoreCase(attributes.getValue("TargetMode"));
                    out.found(attributes.getValue("Id"), type, external ? target : resolve(folder, target), external);
                }
            }
        });
    }

    /** A relationship target as a zip entry name: relative to the source part's folder, or absolute. */
    private static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                parts.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.addLast(segment);
            }
        }
        return String.join("/", parts);
    }

    /**
     * Inflates one part through the limits, without keeping any of it. Parts that are not XML (images,
     * printer settings, macros) are never read by the libraries, so only their first bytes are looked at.
     */
    private static void scan(ZipFile zip, ZipEntry entry, boolean streamed) throws IOException {
        try (Limited in = limited(zip, entry, MAX_STREAMED_PART_BYTES)) {
            if (!isXml(in.readNBytes(64))) {
                return;
            }
            in.lowerLimit(streamed ? MAX_STREAMED_PART_BYTES : MAX_LOADED_PART_BYTES);
            in.transferTo(OutputStream.nullOutputStream());
        } catch (LimitExceeded e) {
            throw e.unreadable;
        }
    }

    private static boolean isXml(byte[] head) {
        for (byte b : head) {
            if (b == '<' || b == (byte) 0xFE || b == (byte) 0xFF) {
                return true; // markup, or a UTF-16 byte-order mark
            }
            boolean skippable = b == ' ' || b == '\t' || b == '\r' || b == '\n'
                    || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF;
            if (!skippable) {
                return false;
            }
        }
        return false;
    }

    /** Parses a small XML part (relationships, the workbook) through the limits. */
    static void parse(ZipFile zip, ZipEntry entry, DefaultHandler handler) throws IOException {
        try (InputStream in = limited(zip, entry, MAX_LOADED_PART_BYTES)) {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.parse(new InputSource(in));
        } catch (SAXException e) {
            if (e.getException() instanceof LimitExceeded limit) {
                throw limit.unreadable;
            }
            throw new UnreadableInputException(0, WorkbookFailures.DAMAGED);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser", e);
        } catch (LimitExceeded e) {
            throw e.unreadable;
        }
    }

    private static Limited limited(ZipFile zip, ZipEntry entry, long maxBytes) throws IOException {
        long byRatio = Math.max(GRACE_BYTES, (long) (entry.getCompressedSize() / MIN_INFLATE_RATIO));
        return new Limited(zip.getInputStream(entry), entry.getName(), byRatio, maxBytes);
    }

    /** Counts inflated bytes and stops at the limits. */
    private static final class Limited extends FilterInputStream {
        private final String part;
        private final long byRatio;
        private long max;
        private long count;
        private long run;
        private boolean blankRun = true;

        Limited(InputStream in, String part, long byRatio, long max) {
            super(in);
            this.part = part;
            this.byRatio = byRatio;
            this.max = max;
        }

        void lowerLimit(long max) {
            this.max = Math.min(this.max, max);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
                run(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
                for (int i = offset; i < offset + n; i++) {
                    run(buffer[i]);
                }
            }
            return n;
        }

        private void add(long n) throws LimitExceeded {
            count += n;
            if (count > byRatio) {
                throw new LimitExceeded(new UnreadableInputException(0, WorkbookFailures.ZIP_BOMB));
            }
            if (count > max) {
                throw new LimitExceeded(new UnreadableInputException(0, "has a part (" + part + ") larger than "
                        + (max >> 20) + " MB unpacked, more than the pack reads; split the workbook into smaller"
                        + " files"));
            }
        }

        /** A long stretch without markup is one text or attribute, which XML parsers build in memory. */
        private void run(int b) throws LimitExceeded {
            if (b == '<' || b == '>') {
                run = 0;
                blankRun = true;
                return;
            }
            blankRun &= b == ' ' || b == '\t' || b == '\n' || b == '\r';
            if (++run > MAX_TEXT_BYTES && blankRun) {
                // megabytes of nothing between two tags is padding that compresses to almost nothing:
                // a zip bomb whose ratio check would only trip later
                throw new LimitExceeded(new UnreadableInputException(0, WorkbookFailures.ZIP_BOMB));
            } else if (run > MAX_TEXT_BYTES) {
                throw new LimitExceeded(new UnreadableInputException(0, "holds more than " + (MAX_TEXT_BYTES >> 20)
                        + " MB of text in one place (Excel allows 32,767 characters in a cell), so it is not read;"
                        + " shorten the longest cells and save the file again"));
            }
        }
    }

    /** Carries a limit violation out of the stream (and through an XML parser, which may wrap it). */
    private static final class LimitExceeded extends IOException {
        private final transient UnreadableInputException unreadable;

        LimitExceeded(UnreadableInputException unreadable) {
            super(unreadable.getMessage());
            this.unreadable = unreadable;
        }
    }
}
