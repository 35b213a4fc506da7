package io.apolloroutes.ingest;

import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * Decodes the escapes of xlsx text. The format stores a character as {@code _xHHHH_} (ECMA-376
 * {@code ST_Xstring}) when XML cannot carry it or might change it: Excel writes a line break typed in a
 * cell on Windows as {@code _x000D_} and a line feed, and a {@code _x} typed by a person as
 * {@code _x005F_x}. POI decodes this only for cells of a workbook it loads whole; excel-streaming-reader
 * hands over the text as stored, so without this a body would reach Apollo with {@code _x000D_} in it.
 *
 * <p>Whatever an escape stands for is kept, a control character too: a cell is judged where cells are
 * checked, not by hiding part of it here.
 */
final class XlsxEscapes {

    private XlsxEscapes() {
    }

    /** The text a cell holds, from the text an xlsx stores for it. */
    static String decode(String stored) {
        // almost no text has an escape; the decoder builds a rich-text object per call
        if (stored == null || !stored.contains("_x")) {
            return stored;
        }
        // POI's decoder (XSSFRichTextString.utfDecode) is package-private in POI 5.5.1; a rich text built
        // from the stored text gives it back decoded
        return new XSSFRichTextString(stored).getString();
    }
}
