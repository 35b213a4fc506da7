package io.apolloroutes.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A user written by Apollo ID or by email address (the sequence's owner). The email is looked up in
 * Apollo later (see the references package); here only the shape is checked.
 */
@Documented
@Constraint(validatedBy = ApolloIdOrEmailValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ApolloIdOrEmail {

    String message() default "must be the owner's Apollo user ID (24 characters 0-9 and a-f) or email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
