package io.apolloroutes.validation;

import io.apolloroutes.apollo.ApolloProperties;
import io.apolloroutes.apollo.SequenceRequest;
import io.apolloroutes.mapping.Problem;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.mapping.SourceLocator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The validate stage: checks a mapped request against the rules Apollo documents, expressed as Bean
 * Validation constraints on the request model, and locates each violation in the user's file.
 */
@Component("sequenceValidator")
public class SequenceValidator {

    private final Validator validator;
    private final boolean abTesting;

    public SequenceValidator(Validator validator, ApolloProperties apollo) {
        this.validator = validator;
        this.abTesting = apollo.abTesting();
    }

    public SequenceDraft validate(SequenceDraft draft) {
        if (draft.request() == null) {
            return draft;
        }
        Set<ConstraintViolation<SequenceRequest>> violations = new LinkedHashSet<>(validator.validate(draft.request()));
        // each group is a walk over the whole request; the A/B rules can only fail where a step has variants
        if (!abTesting && hasVariants(draft.request())) {
            violations.addAll(validator.validate(draft.request(), WithoutAbTesting.class));
        }
        if (violations.isEmpty()) {
            // almost every sequence of a large file: nothing to compare with what the mapping reported
            return draft;
        }
        List<Problem> found = notReportedYet(violations, draft);
        if (found.isEmpty()) {
            return draft;
        }
        // mapping and validation problems together, in the order a person reads the file
        List<Problem> all = new ArrayList<>(draft.problems());
        all.addAll(found);
        all.sort(Comparator.comparing((Problem p) -> p.rows().isEmpty() ? 0 : p.rows().get(0))
                .thenComparing(p -> p.path() == null ? "" : p.path()));
        return new SequenceDraft(draft.candidate(), draft.request(), draft.locator(), all, draft.notes());
    }

    /**
     * The violations the mapping has not already reported: a field it reported (say, "3.5 must be a
     * whole number") is not reported again as "missing", nor is a cell the reader could not use (a
     * spreadsheet error, say). Only a violation without a value can be such an echo: one that quotes a
     * value (-5, "must be 0 or more") is about what the cell does hold, and is reported even when
     * another problem names the same cell.
     */
    private static List<Problem> notReportedYet(Set<ConstraintViolation<SequenceRequest>> violations,
                                                SequenceDraft draft) {
        Set<String> reported = new HashSet<>();
        Set<String> reportedCells = new HashSet<>();
        for (Problem problem : draft.problems()) {
            if (problem.path() != null) {
                reported.add(problem.path());
            }
            if (problem.column() != null) {
                problem.rows().forEach(row -> reportedCells.add(cell(problem.column(), row)));
            }
        }
        return violations.stream().map(violation -> problem(violation, draft.locator()))
                .filter(problem -> problem.path() == null || !reported.contains(problem.path()))
                .filter(problem -> problem.value() != null || problem.column() == null || problem.rows().isEmpty()
                        || !problem.rows().stream().allMatch(row -> reportedCells.contains(cell(problem.column(), row))))
                .toList();
    }

    private static String cell(String column, int row) {
        return row + "|" + column;
    }

    private static boolean hasVariants(SequenceRequest request) {
        return request.emailerSteps() != null && request.emailerSteps().stream()
                .anyMatch(step -> step != null && step.emailerTouches() != null && step.emailerTouches().size() > 1);
    }

    private static Problem problem(ConstraintViolation<SequenceRequest> violation, SourceLocator locator) {
        String path = ViolationPaths.toJsonPath(violation.getPropertyPath());
        SourceLocator.Location location = locator.locate(path);
        Object value = violation.getInvalidValue();
        boolean quotable = value instanceof String || value instanceof Number || value instanceof Boolean;
        // quoted as typed: a user searches the file for "Auto Emial", not for the auto_emial it was read as
        String quoted = !quotable ? null : location.typed() != null ? location.typed() : value.toString();
        return new Problem(location.rows(), location.column(), path.isEmpty() ? null : path, quoted,
                violation.getMessage());
    }
}
