package io.apolloroutes.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reference written by Apollo ID or by name (a schedule, a stage). Names are looked up in Apollo
 * later (see the references package); here only what can be known without Apollo is checked: the
 * value is not empty, and it is not an ID with characters missing or extra.
 */
@Documented
@Constraint(validatedBy = ApolloIdOrNameValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ApolloIdOrName {

    String message() default "must be an Apollo ID (24 characters 0-9 and a-f) or a name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
