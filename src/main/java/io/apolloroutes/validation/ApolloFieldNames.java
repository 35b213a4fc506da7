package io.apolloroutes.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.apollo.EmailerTemplate;
import io.apolloroutes.apollo.EmailerTouch;
import io.apolloroutes.apollo.SequenceRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON name of each field of the request model, taken from Jackson's own view of the model, so a
 * message names a field exactly as it appears in the JSON the user wrote or will find in the outbox
 * (naming strategy and {@code @JsonProperty} overrides included).
 */
final class ApolloFieldNames {

    private static final Map<String, String> JSON_NAMES = new HashMap<>();

    static {
        ObjectMapper mapper = new ObjectMapper();
        for (Class<?> model : new Class<?>[] {SequenceRequest.class, EmailerStep.class, EmailerTouch.class,
                EmailerTemplate.class}) {
            for (BeanPropertyDefinition property : mapper.getSerializationConfig()
                    .introspect(mapper.constructType(model)).findProperties()) {
                JSON_NAMES.put(property.getInternalName(), property.getName());
            }
        }
    }

    private ApolloFieldNames() {
    }

    static String jsonName(String javaName) {
        return JSON_NAMES.getOrDefault(javaName, javaName);
    }
}
