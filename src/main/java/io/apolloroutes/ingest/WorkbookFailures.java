package io.apolloroutes.ingest;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the workbook libraries throw into answers a person can act on. The libraries report a
 * damaged or hostile file as an assortment of runtime and I/O exceptions, often wrapped several times;
 * none of their text is fit for a report.
 */
final class WorkbookFailures {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbookFailures.class);

    static final String DAMAGED = "is damaged or incomplete, so it cannot be read as a workbook; open it in"
            + " Excel or LibreOffice, save it again and drop the saved file";
    static final String ZIP_BOMB = "is compressed far more than any real workbook (a \"zip bomb\"), so it is not"
            + " unpacked; if the file is genuine, open it in Excel or LibreOffice, delete unused sheets and"
            + " formatting, save it and drop it again";

    private WorkbookFailures() {
    }

    /** Runs a call into a workbook library, translating its failures. */
    static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (UnreadableInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** The message for a failure of a workbook library while reading a file. */
    static UnreadableInputException unreadable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableInputException unreadable) {
                return unreadable;
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Zip bomb detected")) {
                return new UnreadableInputException(0, ZIP_BOMB);
            }
            if (message.contains("MAX_FILE_COUNT") || message.contains("max file count")) {
                return new UnreadableInputException(0, XlsxPackageCheck.tooManyParts());
            }
        }
        LOG.debug("workbook library failure", failure);
        return new UnreadableInputException(0, DAMAGED);
    }
}
