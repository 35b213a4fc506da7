package io.apolloroutes.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One line of a report: a sequence, the records it came from and how it ended.
 *
 * @param name       sequence name (null when the rows had none)
 * @param rows       row, element or line numbers in the input (numbers); for a workbook read as a
 *                   Sequences and a Steps sheet, references such as {@code "Steps!4"}
 * @param outcome    how it ended
 * @param apolloId   the new sequence's ID when created
 * @param reason     why it was not created
 * @param problems   for invalid sequences, every problem found, one message each
 * @param notes      things that did not stop the sequence but deserve a look, such as draft emails
 * @param outboxFile dry-run: where its request body was written
 * @param outboxLine dry-run with one {@code requests.jsonl} for the file: the line of its body
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SequenceOutcome(@JsonInclude(JsonInclude.Include.ALWAYS) String name, List<?> rows, Outcome outcome, String apolloId, String reason,
                              List<String> problems, List<String> notes, String outboxFile,
                              Integer outboxLine) {
}
