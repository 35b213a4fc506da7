package io.apolloroutes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.apollo.EmailerStep;
import io.apolloroutes.apollo.EmailerTemplate;
import io.apolloroutes.apollo.EmailerTouch;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Says in the words of someone writing JSON, not of the Java model, what a field of Apollo's request
 * takes ("a whole number", "a list of steps") and what kind of value was written there ("text", "an
 * object"), so a wrong type reads as what to write instead.
 */
final class ApolloJsonKinds {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, BigInteger.class);

    /** List fields whose items are objects; every other list of the request holds texts (names, IDs). */
    private static final Map<String, String> LISTS_OF_OBJECTS = Map.of(
            "emailer_steps", "a list of steps",
            "emailer_touches", "a list of emails");

    private ApolloJsonKinds() {
    }

    /**
     * What a field takes, or null when the type is not one the request uses.
     *
     * @param field the field's JSON name, which tells a list of steps from a list of labels
     */
    static String expected(Class<?> type, String field) {
        if (type == null) {
            return null;
        }
        if (WHOLE_NUMBERS.contains(type)) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return LISTS_OF_OBJECTS.getOrDefault(field, "a list of texts");
        }
        if (type == EmailerStep.class) {
            return "a step (an object with type, wait_time and wait_mode)";
        }
        if (type == EmailerTouch.class) {
            return "an email (an object with type and emailer_template)";
        }
        if (type == EmailerTemplate.class) {
            return "an object with subject and body_html";
        }
        return null;
    }

    /** What kind of JSON value this is. */
    static String found(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "text";
            case NUMBER -> value.isIntegralNumber() ? "a number" : "a fraction";
            case BOOLEAN -> "true or false";
            case OBJECT, POJO -> "an object";
            case ARRAY -> "a list";
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }

    /**
     * How to write it instead, when the value is right but quoted: "50" for a number, "true" or "yes"
     * for a boolean. Empty when there is nothing more to say than what is expected.
     */
    static String hint(Class<?> type, JsonNode value) {
        if (!value.isTextual()) {
            return "";
        }
        if (WHOLE_NUMBERS.contains(type) && value.asText().strip().matches("-?\\d+")) {
            return "; write it without quotes";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "; write true or false, without quotes";
        }
        return "";
    }
}
