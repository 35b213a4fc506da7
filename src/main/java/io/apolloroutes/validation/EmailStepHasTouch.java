package io.apolloroutes.validation;

import io.apolloroutes.apollo.ApolloVocabulary;
import io.apolloroutes.apollo.EmailerStep;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An email step ({@code auto_email}, {@code manual_email}) needs at least one touch: Apollo answers
 * "At least one template is required for a sequence step" otherwise.
 */
@Documented
@Constraint(validatedBy = EmailStepHasTouch.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailStepHasTouch {

    String message() default "has no email; an email step needs at least one email (subject and body)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports on {@code emailer_touches}. */
    class Validator implements ConstraintValidator<EmailStepHasTouch, EmailerStep> {

        @Override
        public boolean isValid(EmailerStep step, ConstraintValidatorContext context) {
            if (step == null || !ApolloVocabulary.isEmailStep(step.type())) {
                return true;
            }
            if (step.emailerTouches() != null && step.emailerTouches().stream().anyMatch(java.util.Objects::nonNull)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("emailerTouches")
                    .addConstraintViolation();
            return false;
        }
    }
}
