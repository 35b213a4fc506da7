package io.apolloroutes.ingest;

import com.github.pjfanning.xlsx.impl.StreamingCell;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.apache.poi.ss.usermodel.Cell;

/**
 * What an {@code .xlsx} stores for a cell, as excel-streaming-reader read it: the cell's type attribute
 * ({@code t="n"}, {@code "d"}, {@code "s"}, ...) and its value as written ({@code <v>}, or the text of an
 * inline string). The library's cell keeps both to itself (package-private) and answers from them
 * through its own interpretation, which in places is not what the file says; they are read through a
 * private lookup. Should a new version of the library rename them, reading a workbook with numbers
 * fails (and so do the workbook tests) rather than cells quietly being read another way.
 */
final class XlsxStoredCell {

    private static final MethodHandle TYPE;
    private static final MethodHandle STORED_TEXT;

    static {
        try {
            MethodHandles.Lookup cell = MethodHandles.privateLookupIn(StreamingCell.class, MethodHandles.lookup());
            TYPE = cell.findVirtual(StreamingCell.class, "getType", MethodType.methodType(String.class));
            STORED_TEXT = cell.findGetter(StreamingCell.class, "rawContents", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private XlsxStoredCell() {
    }

    /** The cell's {@code t} attribute ({@code "n"} when it has none); null for a cell not read from an xlsx. */
    static String type(Cell cell) {
        if (!(cell instanceof StreamingCell streaming)) {
            return null;
        }
        try {
            String type = (String) TYPE.invokeExact(streaming);
            return type == null ? "n" : type;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cell's value as the file writes it; null for a cell without one or not read from an xlsx. */
    static String text(Cell cell) {
        if (!(cell instanceof StreamingCell streaming)) {
            return null;
        }
        try {
            return (String) STORED_TEXT.invokeExact(streaming);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
