package io.apolloroutes.validation;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/**
 * Writes a Bean Validation property path in Apollo's JSON names:
 * {@code emailerSteps[1].emailerTouches[0].emailerTemplate.bodyHtml} becomes
 * {@code emailer_steps[1].emailer_touches[0].emailer_template.body_html}.
 */
final class ViolationPaths {

    private ViolationPaths() {
    }

    static String toJsonPath(Path path) {
        StringBuilder json = new StringBuilder();
        for (Path.Node node : path) {
            // a list element's index sits on the node after the list
            if (node.getIndex() != null) {
                json.append('[').append(node.getIndex()).append(']');
            }
            boolean named = node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT
                    && node.getKind() != ElementKind.BEAN;
            if (named) {
                if (!json.isEmpty()) {
                    json.append('.');
                }
                json.append(ApolloFieldNames.jsonName(node.getName()));
            }
        }
        return json.toString();
    }
}
