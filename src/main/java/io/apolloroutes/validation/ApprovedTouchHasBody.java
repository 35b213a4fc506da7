package io.apolloroutes.validation;

import io.apolloroutes.apollo.ApolloVocabulary;
import io.apolloroutes.apollo.EmailerTouch;
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
 * Apollo approves (and so sends) a touch only when its template body is non-empty; an approved touch
 * without a body is refused. A touch without a status is held to the same rule: spreadsheet rows
 * default to approved, and an email with no body is never sent either way.
 */
@Documented
@Constraint(validatedBy = ApprovedTouchHasBody.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApprovedTouchHasBody {

    String message() default "is empty, but the email is approved (also when no status is given), and Apollo"
            + " approves only emails with a body; write the body, or set status to to_be_reviewed to create a draft";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports on {@code emailer_template.body_html} so the message points at the body cell. */
    class Validator implements ConstraintValidator<ApprovedTouchHasBody, EmailerTouch> {

        @Override
        public boolean isValid(EmailerTouch touch, ConstraintValidatorContext context) {
            // no status means approved for spreadsheet rows, and an email without a body is never sent
            boolean approved = touch != null && (touch.status() == null || ApolloVocabulary.APPROVED.equals(touch.status()));
            if (!approved) {
                return true;
            }
            var template = touch.emailerTemplate();
            if (template != null && template.bodyHtml() != null && !template.bodyHtml().isBlank()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("emailerTemplate").addPropertyNode("bodyHtml")
                    .addConstraintViolation();
            return false;
        }
    }
}
