package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A text file with its encoding settled: from its byte-order mark, from the source's settings, or by
 * checking the whole file (valid UTF-8 is UTF-8; anything else is taken as Windows-1252, what Excel
 * for Windows writes as "CSV (Comma delimited)").
 *
 * <p>Guessing happens once, over the whole file, before a single row is parsed: deciding on the first
 * few kilobytes would let an "é" in row 90,000 become a replacement character inside an email.
 *
 * @param file      the text file
 * @param charset   the encoding to read it in
 * @param bomLength bytes of byte-order mark to skip
 * @param guessed   true when the encoding was inferred (no byte-order mark, no setting)
 */
record DecodedText(Path file, Charset charset, int bomLength, boolean guessed) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

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
     * @throws UnreadableInputException for a workbook or other binary file named as text, and for bytes
     *                                  that are valid in no encoding the pack would guess
     */
    static DecodedText of(Path file, Charset configured) throws IOException {
        byte[] head = new byte[HEAD_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        refuseBinaryContainers(Arrays.copyOf(head, Math.min(length, 4)));
        if (startsWith(head, length, UTF8_BOM)) {
            return new DecodedText(file, StandardCharsets.UTF_8, UTF8_BOM.length, false);
        }
        if (startsWith(head, length, UTF16LE_BOM)) {
            return new DecodedText(file, StandardCharsets.UTF_16LE, UTF16LE_BOM.length, false);
        }
        if (startsWith(head, length, UTF16BE_BOM)) {
            return new DecodedText(file, StandardCharsets.UTF_16BE, UTF16BE_BOM.length, false);
        }
        // an image or archive is usually not valid in any encoding either; say what it is, not where it broke
        refuseControlBytes(head, length);
        if (configured != null) {
            return new DecodedText(file, configured, 0, false);
        }
        return guess(file);
    }

    /** A strict reader positioned after the byte-order mark; the caller closes it. */
    Reader open() throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(bomLength);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new StrictTextReader(in, charset, bomLength);
    }

    private static DecodedText guess(Path file) throws IOException {
        StrictTextReader.InvalidTextException notUtf8 = scan(new DecodedText(file, StandardCharsets.UTF_8, 0, true));
        if (notUtf8 == null) {
            return new DecodedText(file, StandardCharsets.UTF_8, 0, true);
        }
        DecodedText windows = new DecodedText(file, WINDOWS_1252, 0, true);
        StrictTextReader.InvalidTextException notWindows = scan(windows);
        if (notWindows == null) {
            return windows;
        }
        throw new UnreadableInputException((int) notUtf8.line(), "is neither UTF-8 text (" + notUtf8.getMessage()
                + ") nor Windows-1252 text (" + notWindows.getMessage() + "); save it as \"CSV UTF-8\"");
    }

    /** Reads the whole file; the decoding error, or null when it is valid text in the encoding. */
    private static StrictTextReader.InvalidTextException scan(DecodedText text) throws IOException {
        char[] buffer = new char[1 << 14];
        long line = 1;
        try (Reader reader = text.open()) {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        line++;
                    } else if (isBinary(c)) {
                        throw binary(line, c);
                    }
                }
            }
            return null;
        } catch (StrictTextReader.InvalidTextException e) {
            return e;
        }
    }

    /** Control characters no spreadsheet export writes, except tab, line breaks and a DOS end-of-file mark. */
    private static boolean isBinary(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0B && c != 0x0C && c != 0x1A;
    }

    private static void refuseControlBytes(byte[] head, int length) {
        long line = 1;
        for (int i = 0; i < length; i++) {
            if (head[i] == '\n') {
                line++;
            } else if (isBinary((char) (head[i] & 0xFF))) {
                throw binary(line, (char) (head[i] & 0xFF));
            }
        }
    }

    private static UnreadableInputException binary(long line, char c) {
        return new UnreadableInputException((int) line, "is not a text file: it contains binary data (control"
                + " character U+" + String.format("%04X", (int) c) + " on line " + line + "); export the sheet as"
                + " CSV, or drop the workbook itself (.xlsx)");
    }

    private static void refuseBinaryContainers(byte[] head) {
        if (startsWith(head, head.length, ZIP)) {
            throw new UnreadableInputException(0, "is a workbook or other zip file, not text; if it is an Excel"
                    + " workbook, give it the .xlsx extension and drop it again");
        }
        if (startsWith(head, head.length, OLE2)) {
            throw new UnreadableInputException(0, "is a legacy Excel workbook, not text; give it the .xls"
                    + " extension and drop it again");
        }
        if (startsWith(head, head.length, PDF)) {
            throw new UnreadableInputException(0, "is a PDF document, not text; export the sheet as CSV");
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
