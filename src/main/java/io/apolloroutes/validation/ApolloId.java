package io.apolloroutes.validation;

import io.apolloroutes.references.ReferenceText;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An Apollo object ID: 24 hexadecimal characters (a MongoDB ObjectId), as seen in Apollo's URLs and
 * API responses. Catches names pasted where an ID belongs before Apollo answers with a bare 422.
 */
@Documented
@Pattern(regexp = ReferenceText.ID_PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ApolloId {

    String message() default "must be an Apollo ID: 24 characters 0-9 and a-f, as in the object's Apollo URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
