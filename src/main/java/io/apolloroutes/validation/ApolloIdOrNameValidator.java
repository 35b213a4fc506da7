package io.apolloroutes.validation;

import io.apolloroutes.references.ReferenceText;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ApolloIdOrName}: anything but an empty value or a mistyped ID may be a name. */
public class ApolloIdOrNameValidator implements ConstraintValidator<ApolloIdOrName, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.isBlank()) {
            return ReferenceMessages.replace(context, "is empty; write the Apollo ID or the name, or leave it out");
        }
        if (ReferenceText.isMistypedId(value)) {
            return ReferenceMessages.replace(context, ReferenceMessages.mistypedId(value, "the name"));
        }
        return true;
    }
}
