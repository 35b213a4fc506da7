package io.apolloroutes.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.apolloroutes.apollo.SequenceRequest;
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
            SequenceRequest request = reader.readValue(record.body());
            return new SequenceDraft(candidate, request, locator, List.of());
        } catch (java.io.IOException e) {
            return new SequenceDraft(candidate, null, locator, List.of(problem(record.number(), e)));
        }
    }

    private static Problem problem(int number, java.io.IOException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return Problem.ofRecords(List.of(number), null, "cannot be read: " + e.getMessage());
        }
        String path = path(mapping.getPath());
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return new Problem(List.of(number), null, path, null, "is not a field of Apollo's Create a Sequence"
                    + " request; check the spelling (known here: " + String.join(", ",
                    unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")");
        }
        String value = mapping instanceof InvalidFormatException format && format.getValue() != null
                ? format.getValue().toString() : null;
        String detail = mapping.getOriginalMessage();
        int cut = detail.indexOf(':');
        return new Problem(List.of(number), null, path, value,
                "has the wrong type (" + (cut > 0 ? detail.substring(0, cut) : detail) + ")");
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
