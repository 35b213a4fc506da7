package io.apolloroutes.references;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of an Apollo list, read defensively: the list is under its documented key
 * ({@code emailer_schedules}, {@code users}, {@code account_stages}, {@code contact_stages}), under
 * {@code data} (which some of Apollo's docs show for stages), or is the answer itself. Entries without
 * an ID cannot be referred to and are skipped; so are deleted users.
 *
 * @param referents the entries on this page
 * @param pagesSaid pages Apollo says the list has; null when it does not say
 * @param entries   entries on the page, skipped ones included
 */
record ReferencePage(List<Referent> referents, Integer pagesSaid, int entries) {

    /** Pages Apollo says the list has, 1 when it does not say. */
    int totalPages() {
        return pagesSaid == null ? 1 : pagesSaid;
    }

    /** The page had no entries at all, skipped ones included. */
    boolean empty() {
        return entries == 0;
    }

    static ReferencePage read(ReferenceKind kind, JsonNode answer) {
        JsonNode entries = entries(kind, answer);
        if (entries == null) {
            throw new ReferenceListException("Apollo's answer has no " + kind.listKey() + " list");
        }
        List<Referent> referents = new ArrayList<>();
        for (JsonNode entry : entries) {
            String id = text(entry, "id");
            if (id == null || entry.path("deleted").asBoolean(false)) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String field : kind.nameFields()) {
                String name = text(entry, field);
                if (name != null) {
                    names.add(name);
                }
            }
            referents.add(new Referent(id, names.isEmpty() ? id : names.get(0), names));
        }
        JsonNode pages = answer.path("pagination").path("total_pages");
        return new ReferencePage(referents, pages.isNumber() ? Math.max(1, pages.asInt()) : null, entries.size());
    }

    private static JsonNode entries(ReferenceKind kind, JsonNode answer) {
        if (answer == null) {
            return null;
        }
        if (answer.isArray()) {
            return answer;
        }
        for (String key : new String[] {kind.listKey(), "data"}) {
            if (answer.path(key).isArray()) {
                return answer.path(key);
            }
        }
        return null;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
