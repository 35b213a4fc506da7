package io.apolloroutes.references;

import io.apolloroutes.apollo.SequenceRequest;
import java.util.List;

/**
 * The things a sequence refers to by ID, each with the Apollo list it is checked against
 * (apollo-api.md §7.2, §7.3, §7.5) and the fields of that list a person may name it by.
 */
public enum ReferenceKind {

    SCHEDULE("emailer_schedule_id", "schedule", "emailer_schedules", "emailer_schedules", false, "schedule",
            "schedules", "named", List.of("name")),
    OWNER("user_id", "owner", "users/search", "users", true, "user", "users", "with the email", List.of("email")),
    ACCOUNT_STAGE("excluded_account_stage_ids", "excluded account stages", "account_stages", "account_stages", false,
            "account stage", "account stages", "named", List.of("name", "display_name")),
    CONTACT_STAGE("excluded_contact_stage_ids", "excluded contact stages", "contact_stages", "contact_stages", false,
            "contact stage", "contact stages", "named", List.of("name", "display_name"));

    private final String field;
    private final String role;
    private final String endpoint;
    private final String listKey;
    private final boolean paged;
    private final String singular;
    private final String plural;
    private final String namedBy;
    private final List<String> nameFields;

    ReferenceKind(String field, String role, String endpoint, String listKey, boolean paged, String singular,
                  String plural, String namedBy, List<String> nameFields) {
        this.field = field;
        this.role = role;
        this.endpoint = endpoint;
        this.listKey = listKey;
        this.paged = paged;
        this.singular = singular;
        this.plural = plural;
        this.namedBy = namedBy;
        this.nameFields = nameFields;
    }

    /** The request field, e.g. {@code emailer_schedule_id}. */
    public String field() {
        return field;
    }

    /** What the field is to the sequence: "schedule", "owner", "excluded account stages". */
    String role() {
        return role;
    }

    /** The list's path under {@code /api/v1/}, e.g. {@code emailer_schedules}. */
    public String endpoint() {
        return endpoint;
    }

    /** The key of the list in Apollo's answer, e.g. {@code emailer_schedules}. */
    String listKey() {
        return listKey;
    }

    /** Apollo hands the list out page by page ({@code page}, {@code per_page}, {@code pagination.total_pages}). */
    boolean paged() {
        return paged;
    }

    /** "schedule", "user", "account stage". */
    String singular() {
        return singular;
    }

    String plural() {
        return plural;
    }

    /** How a message says the name was compared: "named" or "with the email". */
    String namedBy() {
        return namedBy;
    }

    /** The fields of a list entry a name is compared with; the first one is how the entry is shown. */
    List<String> nameFields() {
        return nameFields;
    }

    /** The field as a list request: a single reference is a list of one. Empty when not given. */
    List<String> valuesIn(SequenceRequest request) {
        return switch (this) {
            case SCHEDULE -> request.emailerScheduleId() == null ? List.of() : List.of(request.emailerScheduleId());
            case OWNER -> request.userId() == null ? List.of() : List.of(request.userId());
            case ACCOUNT_STAGE -> request.excludedAccountStageIds() == null ? List.of() : request.excludedAccountStageIds();
            case CONTACT_STAGE -> request.excludedContactStageIds() == null ? List.of() : request.excludedContactStageIds();
        };
    }

    /** The JSON path of the {@code index}th value, as validation names it: {@code excluded_account_stage_ids[1]}. */
    String pathOf(int index) {
        return this == SCHEDULE || this == OWNER ? field : field + "[" + index + "]";
    }
}
