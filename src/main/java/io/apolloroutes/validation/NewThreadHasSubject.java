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
 * A {@code new_thread} touch starts a fresh email thread, so it needs its own subject line. The message
 * offers a reply only for a later email (the first one starts the thread, there is nothing to answer),
 * and says "its touch type" rather than a field name: the user's column may be {@code touch_type},
 * {@code Step 2 Touch Type} or Apollo's {@code type}.
 */
@Documented
@Constraint(validatedBy = NewThreadHasSubject.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface NewThreadHasSubject {

    String message() default "is empty, but this email starts a new thread; write a subject, or, unless it is the"
            + " sequence's first email (which starts the thread), set its touch type to reply_to_thread to send it as"
            + " a reply";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reports on {@code emailer_template.subject} so the message points at the subject cell. */
    class Validator implements ConstraintValidator<NewThreadHasSubject, EmailerTouch> {

        @Override
        public boolean isValid(EmailerTouch touch, ConstraintValidatorContext context) {
            if (touch == null || !ApolloVocabulary.NEW_THREAD.equals(touch.type())) {
                return true;
            }
            var template = touch.emailerTemplate();
            if (template != null && template.subject() != null && !template.subject().isBlank()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("emailerTemplate").addPropertyNode("subject")
                    .addConstraintViolation();
            return false;
        }
    }
}
