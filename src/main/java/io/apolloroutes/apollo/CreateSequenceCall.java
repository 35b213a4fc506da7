package io.apolloroutes.apollo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.apolloroutes.mapping.SequenceDraft;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * The send stage's payload work for {@code POST /api/v1/sequences}: the request body (Apollo's fields
 * and nothing else) and the new sequence's ID from the answer.
 */
@Component("createSequenceCall")
public class CreateSequenceCall {

    private final ObjectWriter writer;
    private final ObjectWriter lineWriter;
    private final ObjectMapper mapper;

    public CreateSequenceCall(ObjectMapper mapper) {
        this.mapper = mapper;
        this.writer = mapper.writerWithDefaultPrettyPrinter();
        this.lineWriter = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
    }

    /** UTF-8 JSON; the same bytes go to Apollo or, in dry-run, into the outbox. */
    public byte[] requestBody(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft) throws JsonProcessingException {
        return writer.writeValueAsBytes(draft.request());
    }

    /** The same request on one line, for a JSON Lines outbox (JSON escapes every line break in a string). */
    public byte[] requestLine(SequenceDraft draft) throws JsonProcessingException {
        return lineWriter.writeValueAsBytes(draft.request());
    }

    /**
     * The ID at {@code emailer_campaign.id}. There is no ID at the root of the answer; reading one there
     * finds nothing, which has led other tools to retry and create duplicates.
     */
    public String createdId(InputStream response) {
        try {
            JsonNode answer = response == null ? null : mapper.readTree(response);
            JsonNode id = answer == null ? null : answer.path("emailer_campaign").path("id");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (IOException unreadable) {
            // a success answer that is not JSON still means created; it must never look like a
            // failure, or the create would be retried
            return null;
        }
    }
}
