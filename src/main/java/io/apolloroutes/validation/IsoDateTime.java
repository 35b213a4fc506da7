package io.apolloroutes.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * An ISO-8601 date-time, with or without an offset ({@code 2026-12-01T09:00:00Z},
 * {@code 2026-12-01T09:00:00+01:00}, {@code 2026-12-01T09:00}). A bare date is refused because the
 * step would fire at an unintended midnight.
 */
@Documented
@Constraint(validatedBy = IsoDateTime.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDateTime {

    String message() default "must be an ISO-8601 date and time such as 2026-12-01T09:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts null (optional field) and both offset and local ISO date-times. */
    class Validator implements ConstraintValidator<IsoDateTime, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isIsoDateTime(value);
        }

        static boolean isIsoDateTime(String value) {
            try {
                OffsetDateTime.parse(value);
                return true;
            } catch (DateTimeParseException notOffset) {
                try {
                    LocalDateTime.parse(value);
                    return true;
                } catch (DateTimeParseException notLocal) {
                    return false;
                }
            }
        }
    }
}
