package io.apolloroutes.validation;

import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.apollo.SequenceRequest;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * With {@code sequence_by_exact_daytime} on, every step fires at its own {@code exact_datetime}
 * instead of after a wait, so each step must carry one. (Its format is checked by {@link IsoDateTime}.)
 */
@Documented
@Constraint(validatedBy = ExactDatetimeOnEveryStep.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ExactDatetimeOnEveryStep {

    // says what the setting does rather than its field name: the user's header for it may be "Exact Daytime",
    // a renamed one, or Apollo's sequence_by_exact_daytime
    String message() default "is missing; this sequence sends each step at an exact date and time (exact daytime is"
            + " on), so every step needs one, written in ISO-8601 such as 2026-12-01T09:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** One violation per step without a date-time, on {@code emailer_steps[i].exact_datetime}. */
    class Validator implements ConstraintValidator<ExactDatetimeOnEveryStep, SequenceRequest> {

        @Override
        public boolean isValid(SequenceRequest request, ConstraintValidatorContext context) {
            if (request == null || !Boolean.TRUE.equals(request.sequenceByExactDaytime())
                    || request.emailerSteps() == null) {
                return true;
            }
            List<EmailerStep> steps = request.emailerSteps();
            boolean valid = true;
            for (int i = 0; i < steps.size(); i++) {
                EmailerStep step = steps.get(i);
                if (step != null && (step.exactDatetime() == null || step.exactDatetime().isBlank())) {
                    if (valid) {
                        context.disableDefaultConstraintViolation();
                    }
                    valid = false;
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode("emailerSteps")
                            .addPropertyNode("exactDatetime").inIterable().atIndex(i)
                            .addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
