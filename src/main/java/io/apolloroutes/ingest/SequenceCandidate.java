package io.apolloroutes.ingest;

import java.util.List;

/**
 * The records of one sequence, gathered from anywhere in a file, ready to be mapped.
 *
 * @param file    the input they came from
 * @param layout  the header of a tabular file; null for JSON
 * @param name    the sequence name, or null when the records carry none
 * @param ordinal 1-based position of the sequence in the file (order of first appearance)
 * @param records the records in file order
 */
public record SequenceCandidate(InputFile file, TableLayout layout, String name, int ordinal,
                                List<SourceRecord> records) {

    public List<Integer> recordNumbers() {
        return records.stream().map(SourceRecord::number).toList();
    }
}
