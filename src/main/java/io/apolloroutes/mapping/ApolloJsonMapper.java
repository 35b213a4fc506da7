package io.apolloroutes.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.apolloroutes.apollo.SequenceRequest;
import io.apolloroutes.ingest.EdgeBlanks;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceRecord;
import java.util.List;

/**
 * Binds an object in Apollo's own "Create a Sequence" shape. Binding is strict: an unknown field is an
 * error (a misspelt field would otherwise be dropped without a word), 1.5 is not silently an integer
 * and "2" or "yes" are not numbers or booleans. (Spreadsheet rows are read leniently instead.)
 */
final class ApolloJsonMapper {

    private final ObjectReader reader;

    ApolloJsonMapper(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        this.reader = strict.readerFor(SequenceRequest.class);
    }

    SequenceDraft map(SequenceCandidate candidate, SourceRecord.JsonSequence record) {
        SourceLocator locator = SourceLocator.wholeRecord(record.number());
        try {
            SequenceRequest request = reader.readValue(withTrimmedName(record.body()));
            return new SequenceDraft(candidate, request, locator, List.of());
        } catch (java.io.IOException e) {
            return new SequenceDraft(candidate, null, locator, List.of(problem(record.number(), record.body(), e)));
        }
    }

    /**
     * The name as the file's rows were grouped under it, without invisible blanks at its ends: it is the
     * ledger's key and what Apollo is searched for, so "Q3 launch" and "Q3 launch" with a no-break space
     * must be one sequence, as they are in a spreadsheet.
     */
    private static JsonNode withTrimmedName(ObjectNode body) {
        JsonNode name = body.get("name");
        if (name == null || !name.isTextual() || EdgeBlanks.strip(name.asText()).equals(name.asText())) {
            return body;
        }
        ObjectNode trimmed = body.deepCopy();
        trimmed.put("name", EdgeBlanks.strip(name.asText()));
        return trimmed;
    }

    private static Problem problem(int number, JsonNode body, java.io.IOException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return Problem.ofRecords(List.of(number), null, "cannot be read: " + e.getMessage());
        }
        String path = path(mapping.getPath());
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return new Problem(List.of(number), null, path, null, "is not a field of Apollo's Create a Sequence"
                    + " request; check the spelling (known here: " + String.join(", ",
                    unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")");
        }
        // Jackson's own message names Java classes and its settings; the type and the value say it all
        Class<?> type = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String expected = ApolloJsonKinds.expected(type, lastField(mapping.getPath()));
        JsonNode value = at(body, mapping.getPath());
        String message;
        if (expected == null) {
            message = value == null ? "cannot be read here; check this value against Apollo's Create a Sequence request"
                    : "cannot be " + ApolloJsonKinds.found(value) + " here; check this value against Apollo's Create a"
                    + " Sequence request";
        } else if (value == null) {
            message = "must be " + expected;
        } else {
            message = "must be " + expected + ", not " + ApolloJsonKinds.found(value) + ApolloJsonKinds.hint(type, value);
        }
        return new Problem(List.of(number), null, path, value == null ? null : value.toString(), message);
    }

    /** The value the path leads to in the record as written, or null when it leads nowhere. */
    private static JsonNode at(JsonNode body, List<JsonMappingException.Reference> references) {
        JsonNode node = body;
        for (JsonMappingException.Reference reference : references) {
            if (node == null) {
                return null;
            }
            node = reference.getFieldName() != null ? node.get(reference.getFieldName())
                    : reference.getIndex() >= 0 ? node.get(reference.getIndex()) : null;
        }
        return node;
    }

    private static String lastField(List<JsonMappingException.Reference> references) {
        for (int i = references.size() - 1; i >= 0; i--) {
            if (references.get(i).getFieldName() != null) {
                return references.get(i).getFieldName();
            }
        }
        return null;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
