package io.apolloroutes.validation;

import jakarta.validation.ConstraintValidatorContext;

/** Messages of the reference constraints that depend on the value, such as how long a mistyped ID is. */
final class ReferenceMessages {

    private ReferenceMessages() {
    }

    static String mistypedId(String value, String alternative) {
        return "looks like an Apollo ID with " + value.strip().length() + " characters instead of 24; write the"
                + " whole ID (0-9 and a-f, as in the object's Apollo URL) or " + alternative;
    }

    /**
     * Reports {@code message} instead of the constraint's default. Always false, so a validator can
     * {@code return replace(...)}. The text is taken literally: a value never reaches it.
     */
    static boolean replace(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
