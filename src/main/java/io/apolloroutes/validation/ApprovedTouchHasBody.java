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
 * without a body is refused. "Empty" means no visible text: {@code <p></p>} is empty too.
 */
@Documented
@Constraint(validatedBy = ApprovedTouchHasBody.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApprovedTouchHasBody {

    // "its status", not the field name: the user's column may be "Step 2 Status" or "Status B"
    String message() default "shows no text, but the email is approved, and Apollo approves only emails with a"
            + " body; write the body, or set its status to to_be_reviewed (or leave the status empty) to create a draft";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports on {@code emailer_template.body_html} so the message points at the body cell. */
    class Validator implements ConstraintValidator<ApprovedTouchHasBody, EmailerTouch> {

        @Override
        public boolean isValid(EmailerTouch touch, ConstraintValidatorContext context) {
            if (touch == null || !ApolloVocabulary.APPROVED.equals(touch.status())) {
                return true;
            }
            if (touch.emailerTemplate() != null && touch.emailerTemplate().hasVisibleBody()) {
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
