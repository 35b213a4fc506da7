package io.apolloroutes.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * Refuses a file that is not UTF-8 and whose text is in the code page of another script: what Excel
 * for Windows writes as "CSV (Comma delimited)" in Russian (windows-1251), Polish or Czech
 * (windows-1250), Greek, Turkish, Hebrew, Arabic or Japanese (Shift_JIS). Windows-1252, Mac Roman and
 * DOS Latin 1 decode nearly every byte, so {@link LegacyEncoding} would read such a file without an
 * error and its sequences would go to Apollo as "Ïðèâåò" instead of "Привет".
 *
 * <p>ICU's charset detector judges the lines that hold bytes beyond ASCII (up to {@value #SAMPLE_BYTES}
 * bytes of them): it knows the letter statistics of each language in each of those code pages, which
 * {@link LegacyEncoding}'s look at single bytes beside ASCII letters cannot see (a Cyrillic word has no
 * ASCII letter in it). The file is refused when another script wins clearly ({@link Evidence}):
 * <ul>
 *   <li>by a margin, wider for a short sample: a few words of Western European text can score as
 *       Hungarian or Czech ("Café" alone scores as Czech as well as Danish);</li>
 *   <li>with at least a quarter of the bytes beyond ASCII read as other characters in the other code
 *       page. ICU knows no Finnish and scores it as Czech, but both write "ä" and "ö" with the same
 *       bytes: letters two code pages share never count against a file;</li>
 *   <li>when {@link LegacyEncoding} chose Mac Roman or DOS Latin 1, only for an East Asian code page,
 *       two bytes a character. ICU knows neither, and their accented letters stand where windows-1250
 *       has its own; text in the other scripts' single-byte code pages votes Windows-1252 (measured for
 *       Russian, Polish, Czech, Greek, Turkish, Hebrew and Arabic), while Shift_JIS may vote DOS Latin 1.</li>
 * </ul>
 * A sentence or two of Turkish, which shares most of its letters with Windows-1252, is too short to
 * tell. The file is refused rather than read in the detected code page: the detector's guess is good
 * enough to name the setting to use, not to send to Apollo unseen.
 */
final class ForeignCodePage {

    static final int SAMPLE_BYTES = 1 << 16;
    /**
     * Fewer bytes beyond ASCII than this say nothing either way (a few accented words); ICU then
     * names a code page from what is hardly more than chance.
     */
    private static final int MIN_EVIDENCE = 8;
    /** Below this many bytes beyond ASCII, a sample is short enough for {@link #SHORT_MARGIN}. */
    private static final int SHORT_SAMPLE = 32;
    /** How far another script must score above Western European text to be believed. */
    private static final int MARGIN = 10;
    /** The margin for a short sample: a line of German names ("Düsseldorf Größe Þórður") can score as Hungarian. */
    private static final int SHORT_MARGIN = 20;
    /** Of the bytes beyond ASCII, the share that must read otherwise in the other code page. */
    private static final double MIN_DIFFERENT = 0.25;
    /** The East Asian code pages, in ICU's names: two bytes a character. */
    private static final Set<String> DOUBLE_BYTE = Set.of("Shift_JIS", "EUC-JP", "EUC-KR", "GB18030", "Big5");
    private static final int MAX_EXAMPLE_BYTES = 40;

    /**
     * What ICU may name, and the code page Excel for Windows writes for that script, which is what the
     * setting should say: ICU reports the ISO name when the sample has no byte that only the Windows
     * code page uses.
     */
    private static final Map<String, String> EXCEL_CODE_PAGES = Map.ofEntries(
            Map.entry("windows-1250", "windows-1250"), Map.entry("ISO-8859-2", "windows-1250"),
            Map.entry("windows-1251", "windows-1251"), Map.entry("ISO-8859-5", "windows-1251"),
            Map.entry("KOI8-R", "KOI8-R"),
            Map.entry("windows-1253", "windows-1253"), Map.entry("ISO-8859-7", "windows-1253"),
            Map.entry("windows-1254", "windows-1254"), Map.entry("ISO-8859-9", "windows-1254"),
            Map.entry("windows-1255", "windows-1255"), Map.entry("ISO-8859-8", "windows-1255"),
            Map.entry("ISO-8859-8-I", "windows-1255"),
            Map.entry("windows-1256", "windows-1256"), Map.entry("ISO-8859-6", "windows-1256"),
            Map.entry("Shift_JIS", "windows-31j"), Map.entry("EUC-JP", "EUC-JP"),
            Map.entry("EUC-KR", "x-windows-949"), Map.entry("GB18030", "GB18030"), Map.entry("Big5", "x-windows-950"));

    private ForeignCodePage() {
    }

    /**
     * @param legacy what {@link LegacyEncoding} would read the file as
     * @param sample the lines of the file with bytes beyond ASCII ({@link Sample})
     * @throws UnreadableInputException when the file's text is another script's code page
     */
    static void refuseIfForeign(Path file, Charset legacy, byte[] sample) throws IOException {
        CharsetMatch other = otherScript(sample, legacy);
        if (other == null) {
            return;
        }
        String codePage = EXCEL_CODE_PAGES.get(other.getName());
        Charset foreign = Charset.forName(codePage);
        String language = other.getLanguage() == null ? ""
                : Locale.forLanguageTag(other.getLanguage()).getDisplayLanguage(Locale.ENGLISH);
        String example = "";
        try (InputStream in = Files.newInputStream(file)) {
            Word word = Word.firstReadOtherwise(in, legacy, foreign);
            if (word != null) {
                example = ": line " + word.line() + " reads \"" + new String(word.bytes(), legacy) + "\" as "
                        + legacy.name() + " and \"" + new String(word.bytes(), foreign) + "\" as " + codePage;
            }
        }
        throw new UnreadableInputException(0, "is not UTF-8, and its text looks like "
                + (language.isEmpty() ? "text" : language) + " in " + codePage + ", not " + legacy.name() + example
                + "; set input.encoding=" + codePage + " for this source (or read.encoding in its mapping file; see"
                + " the README), or save the file as \"CSV UTF-8\" and drop it again");
    }

    /** ICU's best match among the other scripts' code pages, when it wins clearly; else null. */
    private static CharsetMatch otherScript(byte[] sample, Charset legacy) {
        int beyondAscii = 0;
        for (byte b : sample) {
            beyondAscii += b < 0 ? 1 : 0;
        }
        if (beyondAscii < MIN_EVIDENCE) {
            return null;
        }
        CharsetMatch other = null;
        int western = 0;
        for (CharsetMatch match : matches(sample)) {
            String name = match.getName();
            if (name.equals("ISO-8859-1") || name.equals("windows-1252")) {
                western = Math.max(western, match.getConfidence());
            } else if (other == null && EXCEL_CODE_PAGES.containsKey(name)) {
                other = match;
            }
        }
        if (other == null) {
            return null;
        }
        boolean doubleByte = DOUBLE_BYTE.contains(other.getName());
        int readOtherwise = doubleByte ? beyondAscii
                : differentlyRead(sample, legacy, Charset.forName(EXCEL_CODE_PAGES.get(other.getName())));
        Evidence evidence = new Evidence(beyondAscii, western, other.getConfidence(), doubleByte, readOtherwise,
                legacy.equals(LegacyEncoding.WINDOWS_1252));
        return evidence.isForeign() ? other : null;
    }

    /**
     * What decides, apart from how ICU arrives at its scores.
     *
     * @param beyondAscii       the sample's bytes beyond ASCII
     * @param western           ICU's confidence in Western European text (0 to 100)
     * @param other             its confidence in the other script's code page
     * @param doubleByte        that code page is East Asian, two bytes a character
     * @param readOtherwise     of the bytes beyond ASCII, those the two code pages read as different characters
     * @param legacyWindows1252 {@link LegacyEncoding} chose Windows-1252, not Mac Roman or DOS Latin 1
     */
    record Evidence(int beyondAscii, int western, int other, boolean doubleByte, int readOtherwise,
                    boolean legacyWindows1252) {

        boolean isForeign() {
            if (beyondAscii < MIN_EVIDENCE || (!legacyWindows1252 && !doubleByte)) {
                return false;
            }
            int margin = beyondAscii < SHORT_SAMPLE ? SHORT_MARGIN : MARGIN;
            return other >= western + margin && readOtherwise >= MIN_DIFFERENT * beyondAscii;
        }
    }

    /** How many of the sample's bytes beyond ASCII two single-byte code pages read as different characters. */
    private static int differentlyRead(byte[] sample, Charset legacy, Charset foreign) {
        boolean[] differs = new boolean[128];
        for (int b = 0x80; b < 0x100; b++) {
            byte[] one = {(byte) b};
            differs[b - 0x80] = !new String(one, legacy).equals(new String(one, foreign));
        }
        int count = 0;
        for (byte b : sample) {
            count += b < 0 && differs[b + 128] ? 1 : 0;
        }
        return count;
    }

    private static CharsetMatch[] matches(byte[] sample) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(sample);
        return detector.detectAll();
    }

    /**
     * The lines that hold a byte beyond ASCII, up to {@link #SAMPLE_BYTES} of them, gathered from the
     * blocks {@link LegacyEncoding} reads anyway; a line ends at a line feed or a carriage return (Excel
     * for Mac ends rows with a bare CR). Copied a line at a time: a large file with a single accent is
     * read to its end.
     */
    static final class Sample implements ObjIntConsumer<byte[]> {

        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        // the part of a line that began in an earlier block
        private final ByteArrayOutputStream carried = new ByteArrayOutputStream();
        private boolean lineHasHigh;

        @Override
        public void accept(byte[] block, int n) {
            if (kept.size() >= SAMPLE_BYTES) {
                return;
            }
            int lineStart = 0;
            for (int i = 0; i < n; i++) {
                byte b = block[i];
                if (b < 0) {
                    lineHasHigh = true;
                } else if (b == '\n' || b == '\r') {
                    if (lineHasHigh) {
                        keep(carried.toByteArray(), 0, carried.size());
                        keep(block, lineStart, i + 1 - lineStart);
                    }
                    carried.reset();
                    lineHasHigh = false;
                    lineStart = i + 1;
                }
            }
            carried.write(block, lineStart, Math.min(n - lineStart, Math.max(0, SAMPLE_BYTES - carried.size())));
        }

        byte[] bytes() {
            if (lineHasHigh) {
                keep(carried.toByteArray(), 0, carried.size());
                carried.reset();
                lineHasHigh = false;
            }
            return kept.toByteArray();
        }

        private void keep(byte[] bytes, int from, int length) {
            kept.write(bytes, from, Math.min(length, SAMPLE_BYTES - kept.size()));
        }
    }

    /**
     * A word of the file for the message: a run of ASCII letters and bytes beyond ASCII (a byte from
     * {@code @} to {@code ~} right after one beyond ASCII counts as its pair, which it is in Shift_JIS
     * and Big5), and its line.
     */
    private record Word(byte[] bytes, long line) {

        /** The first word that the two encodings read as different text; null when none does. */
        static Word firstReadOtherwise(InputStream in, Charset legacy, Charset foreign) throws IOException {
            ByteArrayOutputStream word = new ByteArrayOutputStream();
            long line = 1;
            boolean afterHigh = false;
            boolean afterReturn = false;
            byte[] block = new byte[1 << 16];
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                for (int i = 0; i < n; i++) {
                    int b = block[i] & 0xFF;
                    boolean high = b >= 0x80;
                    if (high || Character.isLetter(b) || (afterHigh && b >= '@' && b <= '~')) {
                        if (word.size() < MAX_EXAMPLE_BYTES) {
                            word.write(b);
                        }
                    } else {
                        if (readOtherwise(word.toByteArray(), legacy, foreign)) {
                            return new Word(word.toByteArray(), line);
                        }
                        word.reset();
                    }
                    afterHigh = high && !afterHigh;
                    // CRLF, LF or a bare CR ends a line
                    if (b == '\r' || (b == '\n' && !afterReturn)) {
                        line++;
                    }
                    afterReturn = b == '\r';
                }
            }
            return readOtherwise(word.toByteArray(), legacy, foreign) ? new Word(word.toByteArray(), line) : null;
        }

        private static boolean readOtherwise(byte[] word, Charset legacy, Charset foreign) {
            return word.length > 0 && !new String(word, legacy).equals(new String(word, foreign));
        }
    }
}
