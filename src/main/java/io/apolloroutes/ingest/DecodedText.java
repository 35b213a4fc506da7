package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file with its encoding settled: from its byte-order mark, from the source's settings, or by
 * guessing on the whole file (valid UTF-8 is UTF-8; anything else is taken as Windows-1252, what Excel
 * for Windows writes as "CSV (Comma delimited)", Mac Roman, what Excel for Mac writes as "Comma
 * Separated Values", or DOS Latin 1, what Excel writes as "CSV (MS-DOS)", whichever
 * {@link LegacyEncoding} finds the bytes fit).
 *
 * <p>A guess is never made on the first few kilobytes: that would let an "é" in row 90,000 become a
 * replacement character inside an email. The file is read as UTF-8 until it ends or a byte proves it
 * is not UTF-8; then the reader starts over with {@link #asLegacyEncoding} and the whole file is read
 * in the legacy encoding. Most files are UTF-8, so most are decoded once.
 *
 * @param file      the text file
 * @param charset   the encoding to read it in
 * @param bomLength bytes of byte-order mark to skip
 * @param guessed   true when the encoding was inferred (no byte-order mark, no setting)
 * @param notUtf8   where the file proved not to be UTF-8, when a legacy encoding is the guess; else null
 */
record DecodedText(Path file, Charset charset, int bomLength, boolean guessed,
                   StrictTextReader.InvalidTextException notUtf8) {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] PDF = {'%', 'P', 'D', 'F'};
    private static final int HEAD_BYTES = 8192;

    /**
     * Settles the encoding of a file.
     *
     * @param configured the source's encoding, or null to detect it
     * @throws UnreadableInputException for a workbook or other binary file named as text, or a web page,
     *                                  told by its first bytes
     */
    static DecodedText of(Path file, Charset configured) throws IOException {
        byte[] head = new byte[HEAD_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        refuseOtherKinds(head, length);
        if (startsWith(head, length, UTF8_BOM)) {
            return new DecodedText(file, StandardCharsets.UTF_8, UTF8_BOM.length, false, null);
        }
        if (startsWith(head, length, UTF16LE_BOM)) {
            return new DecodedText(file, StandardCharsets.UTF_16LE, UTF16LE_BOM.length, false, null);
        }
        if (startsWith(head, length, UTF16BE_BOM)) {
            return new DecodedText(file, StandardCharsets.UTF_16BE, UTF16BE_BOM.length, false, null);
        }
        if (configured != null && isWide(configured)) {
            // every ASCII letter of UTF-16 or UTF-32 text has zero bytes: binary data is told from the
            // decoded characters instead, anywhere in the file
            return new DecodedText(file, configured, 0, false, null);
        }
        // an image or archive is usually not valid in any encoding either; say what it is, not where it broke
        refuseControlBytes(head, length);
        if (configured != null) {
            return new DecodedText(file, configured, 0, false, null);
        }
        return new DecodedText(file, StandardCharsets.UTF_8, 0, true, null);
    }

    /** True while the encoding is UTF-8 only until a byte proves otherwise. */
    private boolean mayProveNotUtf8() {
        return guessed && notUtf8 == null;
    }

    /**
     * Whether reading UTF-8 failed in a way that makes the file text in a legacy encoding, to be read
     * again as such. Not when UTF-8 text came before the invalid byte: that file mixes the two, and read
     * as Windows-1252 every accent of its UTF-8 part would be garbled ("CafÃ©"), so it is refused instead.
     */
    boolean startsOverAfter(StrictTextReader.InvalidTextException invalid) {
        return mayProveNotUtf8() && invalid.firstNonAsciiLine() == 0;
    }

    /**
     * The same file taken as Windows-1252, Mac Roman or DOS Latin 1, because reading it as UTF-8 failed
     * where {@code invalid} says.
     *
     * @throws UnreadableInputException when the text is in the code page of another script, which these
     *                                  would read without an error, garbled
     */
    DecodedText asLegacyEncoding(StrictTextReader.InvalidTextException invalid) throws IOException {
        ForeignCodePage.Sample sample = new ForeignCodePage.Sample();
        Charset legacy = LegacyEncoding.of(file, sample);
        ForeignCodePage.refuseIfForeign(file, legacy, sample.bytes());
        return new DecodedText(file, legacy, 0, true, invalid);
    }

    /** What the file was read as, for the warning a guessed legacy encoding gets. */
    String legacyName() {
        if (charset.equals(LegacyEncoding.MAC_ROMAN)) {
            return "Mac Roman text (x-MacRoman), what Excel for Mac writes as \"Comma Separated Values\",";
        }
        if (charset.equals(LegacyEncoding.DOS_LATIN_1)) {
            return "DOS Latin 1 text (code page 850), what Excel for Windows writes as \"CSV (MS-DOS)\",";
        }
        return charset.name() + " text,";
    }

    /**
     * A strict reader positioned after the byte-order mark; the caller closes it. When the encoding is
     * guessed, it refuses binary data anywhere in the file, as the guess is only sound for text.
     */
    StrictTextReader open() throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(bomLength);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        StrictTextReader reader = new StrictTextReader(in, charset, bomLength);
        return guessed || (bomLength == 0 && isWide(charset)) ? reader.refusingBinaryData() : reader;
    }

    /** Encodings whose text is full of zero bytes, so its bytes cannot be checked for binary data. */
    private static boolean isWide(Charset charset) {
        String name = charset.name();
        return name.startsWith("UTF-16") || name.startsWith("UTF-32");
    }

    /** The whole-file error for a problem with the text found while reading it. */
    UnreadableInputException refusal(StrictTextReader.TextProblem problem) {
        if (problem instanceof StrictTextReader.BinaryDataException binary) {
            return binary(binary);
        }
        StrictTextReader.InvalidTextException invalid = (StrictTextReader.InvalidTextException) problem;
        if (mayProveNotUtf8()) {
            // only a mixed file is refused while the guess stands (startsOverAfter)
            return new UnreadableInputException((int) invalid.line(), "mixes two encodings: line "
                    + invalid.firstNonAsciiLine() + " is UTF-8 text, but the byte at offset " + invalid.byteOffset()
                    + " on line " + invalid.line() + " is not UTF-8 (probably Windows-1252, pasted from another file);"
                    + " retype the accented characters on line " + invalid.line() + ", or save the whole file as"
                    + " \"CSV UTF-8\", and drop it again");
        }
        if (notUtf8 == null) {
            return StrictText.notText(invalid);
        }
        return new UnreadableInputException((int) notUtf8.line(), "is neither UTF-8 text (" + notUtf8.getMessage()
                + ") nor " + (charset.equals(LegacyEncoding.MAC_ROMAN) ? "Mac Roman" : "Windows-1252") + " text ("
                + invalid.getMessage() + "); save it as \"CSV UTF-8\"");
    }

    private static void refuseControlBytes(byte[] head, int length) {
        String wide = utf16WithoutBom(head, length);
        if (wide != null) {
            throw new UnreadableInputException(0, "looks like " + wide + " text without a byte-order mark, which"
                    + " cannot be told from binary data for sure; set input.encoding=" + wide + " for this source"
                    + " (see the README), or save the file as \"CSV UTF-8\" and drop it again");
        }
        long line = 1;
        for (int i = 0; i < length; i++) {
            if (head[i] == '\n') {
                line++;
            } else if (BinaryCharacters.isBinary((char) (head[i] & 0xFF))) {
                throw binary(new StrictTextReader.BinaryDataException((char) (head[i] & 0xFF), line));
            }
        }
    }

    /**
     * UTF-16LE or UTF-16BE when the file's first bytes look like that text without a byte-order mark,
     * else null: for the JSON readers, to which the advice {@link #of} gives (set input.encoding) does
     * not apply.
     */
    static String utf16WithoutBom(Path file) throws IOException {
        byte[] head = new byte[HEAD_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        return utf16WithoutBom(head, length);
    }

    /**
     * UTF-16LE or UTF-16BE when the head looks like it (ASCII text in UTF-16 has a zero byte in every
     * other place, and only there), else null.
     */
    private static String utf16WithoutBom(byte[] head, int length) {
        int pairs = length / 2;
        if (pairs < 2) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            zeroEven += head[i] == 0 ? 1 : 0;
            zeroOdd += head[i + 1] == 0 ? 1 : 0;
        }
        if (zeroOdd * 10 >= pairs * 7 && zeroEven * 20 < pairs) {
            return "UTF-16LE";
        }
        if (zeroEven * 10 >= pairs * 7 && zeroOdd * 20 < pairs) {
            return "UTF-16BE";
        }
        return null;
    }

    private static UnreadableInputException binary(StrictTextReader.BinaryDataException binary) {
        return new BinaryData(binary, "export the sheet as CSV, or drop the workbook itself (.xlsx)");
    }

    /** A file refused for binary data, with what the character was, so a reader of another format can advise its own fix. */
    static final class BinaryData extends UnreadableInputException {

        private final transient StrictTextReader.BinaryDataException found;

        BinaryData(StrictTextReader.BinaryDataException found, String advice) {
            super((int) found.line(), "is not a text file: it contains binary data (" + found.getMessage() + "); "
                    + advice);
            this.found = found;
        }

        /** The same refusal with other advice. */
        BinaryData advising(String advice) {
            return new BinaryData(found, advice);
        }
    }

    private static void refuseOtherKinds(byte[] head, int length) {
        if (startsWith(head, length, ZIP)) {
            throw new UnreadableInputException(0, "is a workbook or other zip file, not text; if it is an Excel"
                    + " workbook, give it the .xlsx extension and drop it again");
        }
        if (startsWith(head, length, OLE2)) {
            throw new UnreadableInputException(0, "is a legacy Excel workbook, not text; give it the .xls"
                    + " extension and drop it again");
        }
        if (startsWith(head, length, PDF)) {
            throw new UnreadableInputException(0, "is a PDF document, not text; export the sheet as CSV");
        }
        if (WebPage.startsAsPage(head, length)) {
            throw new UnreadableInputException(0, "is a web page (HTML), not the sheet's data: usually a page saved"
                    + " from the browser, or the sign-in page a download link answers when the sheet is not shared"
                    + " with you; download the file itself again (Google Sheets: File > Download > Comma-separated"
                    + " values) and drop that");
        }
    }

    private static boolean startsWith(byte[] head, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
