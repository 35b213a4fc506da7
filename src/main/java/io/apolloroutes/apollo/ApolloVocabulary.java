package io.apolloroutes.apollo;

/**
 * The closed value sets Apollo documents for "Create a Sequence", as regular expressions usable in
 * constraint annotations. Kept as strings (not Java enums) so a wrong value in a spreadsheet reaches
 * validation with its original text and can be quoted back to the user.
 */
public final class ApolloVocabulary {

    public static final String PERMISSIONS = "team_can_use|team_can_view|private";
    public static final String STEP_TYPES = "auto_email|manual_email|call|action_item|linkedin_step_message"
            + "|linkedin_step_connect|linkedin_step_view_profile|linkedin_step_interact_post";
    public static final String WAIT_MODES = "minute|hour|day";
    public static final String PRIORITIES = "high|medium|low";
    public static final String TOUCH_TYPES = "new_thread|reply_to_thread";
    public static final String TOUCH_STATUSES = "approved|to_be_reviewed";

    public static final String NEW_THREAD = "new_thread";
    public static final String REPLY_TO_THREAD = "reply_to_thread";
    public static final String APPROVED = "approved";

    private ApolloVocabulary() {
    }

    /** Steps that send an email, and therefore need at least one touch. */
    public static boolean isEmailStep(String stepType) {
        return "auto_email".equals(stepType) || "manual_email".equals(stepType);
    }

    /** Steps whose content is carried by touches (emails and LinkedIn messages). */
    public static boolean carriesTouches(String stepType) {
        return isEmailStep(stepType) || "linkedin_step_message".equals(stepType);
    }
}
