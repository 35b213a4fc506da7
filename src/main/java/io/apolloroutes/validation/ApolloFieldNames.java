package io.apolloroutes.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.apollo.EmailerTemplate;
import io.apolloroutes.apollo.EmailerTouch;
import io.apolloroutes.apollo.SequenceRequest;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON name of each field of the request model, as Jackson writes it: an explicit
 * {@link JsonProperty} where there is one, snake_case otherwise. Messages must name the field the way
 * it appears in the JSON the user wrote or will find in the outbox.
 */
final class ApolloFieldNames {

    private static final Map<String, String> JSON_NAMES = new HashMap<>();

    static {
        PropertyNamingStrategies.NamingBase snakeCase =
                (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
        for (Class<?> model : new Class<?>[] {SequenceRequest.class, EmailerStep.class, EmailerTouch.class,
                EmailerTemplate.class}) {
            for (RecordComponent component : model.getRecordComponents()) {
                // the annotation reaches the accessor, not the component (JsonProperty has no RECORD_COMPONENT target)
                JsonProperty explicit = component.getAccessor().getAnnotation(JsonProperty.class);
                JSON_NAMES.put(component.getName(), explicit != null && !explicit.value().isEmpty()
                        ? explicit.value() : snakeCase.translate(component.getName()));
            }
        }
    }

    private ApolloFieldNames() {
    }

    static String jsonName(String javaName) {
        return JSON_NAMES.getOrDefault(javaName, javaName);
    }
}
