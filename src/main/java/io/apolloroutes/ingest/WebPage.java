package io.apolloroutes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Tells a web page from its first bytes. A browser's "Save link as" on a sheet's download link, or a
 * link that answers a sign-in page because the sheet is not shared, leaves an HTML page under the name
 * of the export; read as CSV it would only be "not a header", which points the user at the wrong fix.
 */
public final class WebPage {

    private static final int HEAD_BYTES = 1024;
    private static final String[] STARTS = {"<!doctype html", "<html"};

    private WebPage() {
    }

    /** True when the file starts as an HTML page (after a UTF-8 byte-order mark and blank lines, if any). */
    public static boolean is(Path file) throws IOException {
        byte[] head = new byte[HEAD_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        return startsAsPage(head, length);
    }

    static boolean startsAsPage(byte[] head, int length) {
        int start = length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        while (start < length && (head[start] == ' ' || head[start] == '\t' || head[start] == '\r' || head[start] == '\n')) {
            start++;
        }
        String text = new String(head, start, Math.min(length - start, 16), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        for (String page : STARTS) {
            if (text.startsWith(page)) {
                return true;
            }
        }
        return false;
    }
}
