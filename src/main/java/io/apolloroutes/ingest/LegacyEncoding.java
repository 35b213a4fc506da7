package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells which of the two single-byte encodings spreadsheet programs write a file that is not UTF-8
 * is in: Windows-1252 (Excel for Windows, "CSV (Comma delimited)") or Mac Roman (Excel for Mac,
 * "Comma Separated Values"). Both decode almost any byte, so decoding cannot decide; read in the
 * wrong one, "café" becomes "cafŽ" without any error.
 *
 * <p>The decision looks at every byte beyond ASCII next to a lowercase ASCII letter, on the whole
 * file, and asks which encoding makes it a character that fits there: a lowercase letter, a capital
 * starting a word, punctuation, a symbol, an ordinal indicator ("Srª"), a superscript ("Terms¹"), or
 * the acute accent people type for an apostrophe ("it´s"). A capital inside a word ("cafŽ", "itÕs"), a
 * modifier letter, another spacing accent or a byte the encoding leaves undefined does not fit. Each
 * byte that fits in only one of the two is a vote for it. A tie is Windows-1252, by far the more
 * common: a byte that stands between digits or commas says nothing, and one that Windows-1252 leaves
 * undefined (81, 8D, 8F, 90, 9D) then still stops the file with its position, rather than becoming a
 * Mac Roman letter.
 *
 * <p>Written by hand: the detectors in reach (ICU's, juniversalchardet) do not know Mac Roman, and
 * decide from the first kilobytes rather than the whole file.
 */
final class LegacyEncoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");

    private static final boolean[] WINDOWS_FITS_AFTER_LETTER = fits(WINDOWS_1252, true);
    private static final boolean[] WINDOWS_FITS_BEFORE_LETTER = fits(WINDOWS_1252, false);
    private static final boolean[] MAC_FITS_AFTER_LETTER = fits(MAC_ROMAN, true);
    private static final boolean[] MAC_FITS_BEFORE_LETTER = fits(MAC_ROMAN, false);

    private LegacyEncoding() {
    }

    /** Windows-1252 or Mac Roman, from the bytes of the whole file. */
    static Charset of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** Reads the stream in blocks: a synchronized read() per byte would cost more than the vote itself. */
    static Charset of(InputStream in) throws IOException {
        Votes votes = new Votes();
        byte[] block = new byte[1 << 16];
        for (int n = in.read(block); n >= 0; n = in.read(block)) {
            for (int i = 0; i < n; i++) {
                votes.next(block[i] & 0xFF);
            }
        }
        votes.next(-1);
        return votes.mac > votes.windows ? MAC_ROMAN : WINDOWS_1252;
    }

    /** The count so far; each byte is judged once the byte after it is known. */
    private static final class Votes {
        private long windows;
        private long mac;
        private int before = -1;
        private int current = -1;

        /** @param after the next byte, or -1 at the end of the file */
        void next(int after) {
            boolean afterLetter = isLowercaseAscii(before);
            if (current >= 0x80 && (afterLetter || isLowercaseAscii(after))) {
                boolean windowsFits = afterLetter ? WINDOWS_FITS_AFTER_LETTER[current] : WINDOWS_FITS_BEFORE_LETTER[current];
                boolean macFits = afterLetter ? MAC_FITS_AFTER_LETTER[current] : MAC_FITS_BEFORE_LETTER[current];
                windows += windowsFits && !macFits ? 1 : 0;
                mac += macFits && !windowsFits ? 1 : 0;
            }
            before = current;
            current = after;
        }
    }

    private static boolean isLowercaseAscii(int b) {
        return b >= 'a' && b <= 'z';
    }

    /** For each byte: whether its character in {@code charset} fits next to a lowercase letter. */
    private static boolean[] fits(Charset charset, boolean afterLetter) {
        boolean[] fits = new boolean[256];
        for (int b = 0x80; b < 256; b++) {
            Character c = decode(charset, b);
            fits[b] = c != null && fits(c, afterLetter);
        }
        return fits;
    }

    private static boolean fits(char c, boolean afterLetter) {
        if (c == '\u00B4') {
            // a spacing accent, but the one German, Spanish and Portuguese keyboards type for an apostrophe
            // ("it´s", "I´m"): in English written on them it may be the only byte beyond ASCII
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.LOWERCASE_LETTER -> true;
            // the ordinal indicators of Spanish and Portuguese: "Srª", "1º", "nº"
            case Character.OTHER_LETTER -> true;
            // superscripts and fractions: footnote marks ("Terms¹"), "m²", "½"
            case Character.OTHER_NUMBER -> true;
            // "École", "Über": a capital starts a word; after a lowercase letter it is a misreading
            case Character.UPPERCASE_LETTER -> !afterLetter;
            // quotes, brackets, dashes, "…", "•", "™", "€" and no-break spaces stand next to words
            case Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.DASH_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.OTHER_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.SPACE_SEPARATOR -> true;
            default -> false;
        };
    }

    /** The character of one byte, or null where the encoding leaves the byte undefined. */
    private static Character decode(Charset charset, int b) {
        try {
            CharBuffer decoded = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(new byte[] {(byte) b}));
            return decoded.get(0);
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
