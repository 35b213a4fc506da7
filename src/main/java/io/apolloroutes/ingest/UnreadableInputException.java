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

    /**
     * The reason for a person, after the file's name: "empty.csv: is empty; …", "notes.csv: the first
     * row is not a header: …". Some reasons go on from the name as a sentence and some do not, so the
     * name is set off by a colon in the report, the dead-letter file and the log alike.
     */
    public String about(String fileName) {
        return fileName + ": " + getMessage();
    }
}
