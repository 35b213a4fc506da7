package io.apolloroutes.apollo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.apolloroutes.validation.ApolloId;
import io.apolloroutes.validation.ApolloIdOrEmail;
import io.apolloroutes.validation.ApolloIdOrName;
import io.apolloroutes.validation.ExactDatetimeOnEveryStep;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/**
 * The body of Apollo's {@code POST /api/v1/sequences} ("Create a Sequence"), field for field. Unset
 * fields are left out of the JSON so Apollo applies its own defaults. Serialised with snake_case names.
 *
 * <p>The schedule, the owner and the excluded stages may arrive as names (an email for the owner);
 * the references stage replaces them with Apollo's IDs before anything is sent.
 *
 * <p>{@code _error} is ignored on input: it is the column the dead-letter files add, so a corrected
 * errors file can be dropped back into the inbox as it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties({"_error"})
@ExactDatetimeOnEveryStep
public record SequenceRequest(
        @NotBlank(message = "is missing; every sequence needs a name (in a spreadsheet, every row needs its"
                + " sequence name, the rows after the first too)")
        String name,
        @Pattern(regexp = ApolloVocabulary.PERMISSIONS, message = "must be team_can_use, team_can_view or private")
        String permissions,
        Boolean active,
        @ApolloIdOrName String emailerScheduleId,
        @ApolloIdOrEmail String userId,
        List<@NotNull(message = "is null; remove it or write the label") String> labelNames,
        @ApolloId String folderId,
        Boolean sequenceByExactDaytime,
        @PositiveOrZero(message = "must be 0 or more")
        Integer maxEmailsPerDay,
        Boolean markFinishedIfReply,
        Boolean markFinishedIfClick,
        Boolean markFinishedIfInterested,
        Boolean markPausedIfOoo,
        @PositiveOrZero(message = "must be 0 or more")
        Integer daysToWaitBeforeMarkAsResponse,
        Boolean createTaskIfEmailOpen,
        @PositiveOrZero(message = "must be 0 or more")
        Integer emailOpenTriggerTaskThreshold,
        @Min(value = 0, message = "must be between 0 and 1000")
        @Max(value = 1000, message = "must be between 0 and 1000")
        Integer sameAccountReplyDelayDays,
        List<@NotNull(message = "is null; remove it") @ApolloIdOrName String> excludedAccountStageIds,
        List<@NotNull(message = "is null; remove it") @ApolloIdOrName String> excludedContactStageIds,
        Boolean ignoreApolloGlobalEmailBounceList,
        @ApolloId String sequenceRulesetId,
        @NotEmpty(message = "is empty; a sequence needs at least one step")
        List<@NotNull(message = "is null; remove it or write the step") @Valid EmailerStep> emailerSteps) {

    /** The same request with its references (schedule, owner, excluded stages) as given. */
    public SequenceRequest withReferences(String emailerScheduleId, String userId, List<String> excludedAccountStageIds,
                                          List<String> excludedContactStageIds) {
        return new SequenceRequest(name, permissions, active, emailerScheduleId, userId, labelNames, folderId,
                sequenceByExactDaytime, maxEmailsPerDay, markFinishedIfReply, markFinishedIfClick,
                markFinishedIfInterested, markPausedIfOoo, daysToWaitBeforeMarkAsResponse, createTaskIfEmailOpen,
                emailOpenTriggerTaskThreshold, sameAccountReplyDelayDays, excludedAccountStageIds,
                excludedContactStageIds, ignoreApolloGlobalEmailBounceList, sequenceRulesetId, emailerSteps);
    }
}
