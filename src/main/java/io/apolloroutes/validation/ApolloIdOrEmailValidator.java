package io.apolloroutes.validation;

import io.apolloroutes.references.ReferenceText;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ApolloIdOrEmail}; a mistyped ID gets a message that says so. */
public class ApolloIdOrEmailValidator implements ConstraintValidator<ApolloIdOrEmail, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || ReferenceText.isId(value) || ReferenceText.isEmail(value)) {
            return true;
        }
        if (ReferenceText.isMistypedId(value)) {
            return ReferenceMessages.replace(context, ReferenceMessages.mistypedId(value, "the owner's email address"));
        }
        return false;
    }
}
