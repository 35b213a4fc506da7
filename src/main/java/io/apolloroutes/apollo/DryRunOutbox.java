package io.apolloroutes.apollo;

import io.apolloroutes.mapping.SequenceDraft;
import java.text.Normalizer;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/**
 * Names the outbox file of a sequence in dry-run: {@code <run>/<NNN>-<sequence-name>.json}, numbered
 * in file order so the outbox reads like the input.
 */
@Component("dryRunOutbox")
public class DryRunOutbox {

    private static final int MAX_SLUG = 60;

    /** Sets the file name header the file producer writes to. */
    public void name(@ExchangeProperty(SequenceDraft.PROPERTY) SequenceDraft draft, Exchange exchange) {
        exchange.getMessage().setHeader(Exchange.FILE_NAME, fileName(draft));
    }

    String fileName(SequenceDraft draft) {
        return draft.candidate().file().runId() + "/"
                + String.format("%03d", draft.candidate().ordinal()) + "-" + slug(draft.name()) + ".json";
    }

    static String slug(String name) {
        if (name == null) {
            return "sequence";
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-$", "");
        }
        return slug.isEmpty() ? "sequence" : slug;
    }
}
