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
import java.util.function.ObjIntConsumer;

/**
 * Tells which of the single-byte encodings spreadsheet programs write a file that is not UTF-8 is in:
 * Windows-1252 (Excel for Windows, "CSV (Comma delimited)"), Mac Roman (Excel for Mac, "Comma Separated
 * Values") or DOS Latin 1 (Excel for Windows, "CSV (MS-DOS)": code page 850, read as 858, which adds
 * the euro sign where 850 has the Turkish dotless i; the US DOS code page 437 has the same accented
 * letters). They decode almost any byte, so decoding cannot decide; read in the wrong one, "café"
 * becomes "cafŽ" or "caf‚" without any error.
 *
 * <p>The decision looks at every byte beyond ASCII next to a lowercase ASCII letter, on the whole
 * file, and asks which encoding makes it a character that fits there: a lowercase letter, a capital
 * starting a word, punctuation, a symbol, an ordinal indicator ("Srª"), a superscript ("Terms¹"), or
 * the acute accent people type for an apostrophe ("it´s"). A capital inside a word ("cafŽ", "itÕs"), an
 * opening bracket or low quote right after a letter ("caf‚", "K„se"), a modifier letter, another spacing
 * accent or a byte the encoding leaves undefined does not fit. Each byte that fits in some of the
 * encodings but not all is a point for each one it fits. The most points win; a tie goes to
 * Windows-1252, by far the most common, then Mac Roman, so DOS Latin 1 is taken only when more bytes fit
 * it than either. A byte that stands between digits or commas says nothing, and one that Windows-1252
 * leaves undefined (81, 8D, 8F, 90, 9D) then still stops the file with its position when Windows-1252
 * wins.
 *
 * <p>Written by hand: the detectors in reach (ICU's, juniversalchardet) do not know Mac Roman, and
 * decide from the first kilobytes rather than the whole file.
 */
final class LegacyEncoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");
    static final Charset DOS_LATIN_1 = Charset.forName("IBM00858");

    /** In the order a tie is decided. */
    private static final Charset[] CANDIDATES = {WINDOWS_1252, MAC_ROMAN, DOS_LATIN_1};
    private static final boolean[][] FITS_AFTER_LETTER = new boolean[CANDIDATES.length][];
    private static final boolean[][] FITS_BEFORE_LETTER = new boolean[CANDIDATES.length][];

    static {
        for (int i = 0; i < CANDIDATES.length; i++) {
            FITS_AFTER_LETTER[i] = fits(CANDIDATES[i], true);
            FITS_BEFORE_LETTER[i] = fits(CANDIDATES[i], false);
        }
    }

    private LegacyEncoding() {
    }

    /**
     * Windows-1252, Mac Roman or DOS Latin 1, from the bytes of the whole file.
     *
     * @param also is handed every block read, so that another look at the bytes needs no pass of its own
     */
    static Charset of(Path file, ObjIntConsumer<byte[]> also) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in, also);
        }
    }

    static Charset of(InputStream in) throws IOException {
        return of(in, (block, n) -> { });
    }

    /** Reads the stream in blocks: a synchronized read() per byte would cost more than the vote itself. */
    private static Charset of(InputStream in, ObjIntConsumer<byte[]> also) throws IOException {
        Votes votes = new Votes();
        byte[] block = new byte[1 << 16];
        for (int n = in.read(block); n >= 0; n = in.read(block)) {
            also.accept(block, n);
            for (int i = 0; i < n; i++) {
                votes.next(block[i] & 0xFF);
            }
        }
        votes.next(-1);
        int best = 0;
        for (int i = 1; i < CANDIDATES.length; i++) {
            if (votes.points[i] > votes.points[best]) {
                best = i;
            }
        }
        return CANDIDATES[best];
    }

    /** The count so far; each byte is judged once the byte after it is known. */
    private static final class Votes {
        private final long[] points = new long[CANDIDATES.length];
        private int before = -1;
        private int current = -1;

        /** @param after the next byte, or -1 at the end of the file */
        void next(int after) {
            boolean afterLetter = isLowercaseAscii(before);
            if (current >= 0x80 && (afterLetter || isLowercaseAscii(after))) {
                boolean[][] fits = afterLetter ? FITS_AFTER_LETTER : FITS_BEFORE_LETTER;
                int fitting = 0;
                for (boolean[] table : fits) {
                    fitting += table[current] ? 1 : 0;
                }
                if (fitting > 0 && fitting < CANDIDATES.length) {
                    for (int i = 0; i < CANDIDATES.length; i++) {
                        points[i] += fits[i][current] ? 1 : 0;
                    }
                }
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
            // an opening bracket or low quote ("„", "‚") opens before a word; right after a letter it is
            // DOS Latin 1's "ä" or "é" read as Windows-1252. (German closes with "“", which stays fine.)
            case Character.START_PUNCTUATION -> !afterLetter;
            // quotes, dashes, "…", "•", "™", "€" and no-break spaces stand next to words
            case Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.DASH_PUNCTUATION,
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
