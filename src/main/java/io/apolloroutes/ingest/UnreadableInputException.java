package io.apolloroutes.ingest;

/**
 * A whole file cannot be read (wrong encoding, broken JSON, no usable header). The file goes to the
 * dead-letter folder with this message; other files are not affected.
 */
public class UnreadableInputException extends RuntimeException {

    private final int recordNumber;

    /**
     * @param recordNumber the row, element or line where reading failed, or 0 when not known
     * @param reason       what is wrong and what to change, in the user's terms
     */
    public UnreadableInputException(int recordNumber, String reason) {
        super(reason);
        this.recordNumber = recordNumber;
    }

    public int recordNumber() {
        return recordNumber;
    }
}
