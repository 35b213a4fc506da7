package io.apolloroutes.apollo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.mapping.SequenceDraft;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Looks a sequence up in Apollo by name ({@code POST /api/v1/emailer_campaigns/search}), one page per
 * call from the route's loop. Apollo matches {@code q_name} by keywords, so the exact name is compared
 * here, and archived sequences, which the search still returns, do not count.
 */
@Component("sequenceSearch")
public class SequenceSearch {

    /** Exchange property holding the lookup in progress. */
    public static final String PROPERTY = "sequenceSearch";
    /** Exchange property holding the ID found, when Apollo has the sequence. */
    public static final String FOUND = "apolloFoundId";

    static final int PER_PAGE = 100;
    /**
     * A name that matches this many pages of other sequences by keyword cannot be confirmed absent
     * without spending the search budget; the lookup gives up with an error instead of guessing.
     */
    static final int MAX_PAGES = 20;

    private final ObjectMapper mapper;

    public SequenceSearch(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The lookup of one name, page by page. */
    public static final class Lookup {
        private final String name;
        private int page;
        private boolean done;

        Lookup(String name) {
            this.name = name;
        }

        /** True while another page has to be asked for (the route's loop condition). */
        public boolean isMore() {
            return !done;
        }
    }

    public void start(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft, Exchange exchange) {
        exchange.removeProperty(FOUND);
        exchange.setProperty(PROPERTY, new Lookup(draft.name()));
    }

    /** The next page's request body: {@code {"q_name": …, "page": n, "per_page": 100}}. */
    public byte[] nextPage(@ExchangeProperty(PROPERTY) Lookup lookup) throws JsonProcessingException {
        lookup.page++;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q_name", lookup.name);
        body.put("page", lookup.page);
        body.put("per_page", PER_PAGE);
        return mapper.writeValueAsBytes(body);
    }

    /** Reads a page of results: an exact, unarchived match ends the lookup, and so does the last page. */
    public void readPage(InputStream answer, @ExchangeProperty(PROPERTY) Lookup lookup, Exchange exchange)
            throws IOException {
        JsonNode page = answer == null ? null : mapper.readTree(answer);
        if (page == null || !page.path("emailer_campaigns").isArray()) {
            throw new IllegalStateException("Apollo's sequence search answered without an emailer_campaigns list");
        }
        for (JsonNode campaign : page.path("emailer_campaigns")) {
            if (lookup.name.equals(campaign.path("name").asText(null)) && !campaign.path("archived").asBoolean(false)) {
                exchange.setProperty(FOUND, campaign.path("id").asText(null));
                lookup.done = true;
                return;
            }
        }
        int totalPages = page.path("pagination").path("total_pages").asInt(lookup.page);
        if (lookup.page >= totalPages || page.path("emailer_campaigns").isEmpty()) {
            lookup.done = true;
        } else if (lookup.page >= MAX_PAGES) {
            throw new IllegalStateException("cannot tell whether Apollo already has a sequence named '" + lookup.name
                    + "': its name search returned more than " + MAX_PAGES * PER_PAGE + " partial matches");
        }
    }
}
