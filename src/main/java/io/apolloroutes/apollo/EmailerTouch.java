package io.apolloroutes.apollo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.apolloroutes.validation.ApolloId;
import io.apolloroutes.validation.ApprovedTouchHasBody;
import io.apolloroutes.validation.NewThreadHasSubject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** One email variant of a step; several touches on one step make an A/B test. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@ApprovedTouchHasBody
@NewThreadHasSubject
public record EmailerTouch(
        @Pattern(regexp = ApolloVocabulary.TOUCH_TYPES, message = "must be new_thread or reply_to_thread")
        String type,
        @Pattern(regexp = ApolloVocabulary.TOUCH_STATUSES, message = "must be approved or to_be_reviewed")
        String status,
        Boolean includeSignature,
        @Valid EmailerTemplate emailerTemplate,
        List<@NotNull(message = "is null; remove it") @ApolloId String> attachmentIds) {
}
