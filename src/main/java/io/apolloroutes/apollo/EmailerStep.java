package io.apolloroutes.apollo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.apolloroutes.validation.EmailStepHasTouch;
import io.apolloroutes.validation.IsoDateTime;
import io.apolloroutes.validation.WithoutAbTesting;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One step of a sequence. {@code wait_time} counts from the previous step (the first step from
 * enrolment) in units of {@code wait_mode}; Apollo refuses a step without {@code wait_mode}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@EmailStepHasTouch
public record EmailerStep(
        @NotNull(message = "is missing; set the step type, for example auto_email")
        @Pattern(regexp = ApolloVocabulary.STEP_TYPES, message = "must be one of "
                + "auto_email, manual_email, call, action_item, linkedin_step_message, linkedin_step_connect, "
                + "linkedin_step_view_profile or linkedin_step_interact_post")
        String type,
        @NotNull(message = "is missing; Apollo needs a wait time on every step (0 sends right away)")
        @PositiveOrZero(message = "must be 0 or more")
        Integer waitTime,
        @NotNull(message = "is missing; Apollo refuses a step without wait_mode: use minute, hour or day")
        @Pattern(regexp = ApolloVocabulary.WAIT_MODES, message = "must be minute, hour or day")
        String waitMode,
        @IsoDateTime
        String exactDatetime,
        @Pattern(regexp = ApolloVocabulary.PRIORITIES, message = "must be high, medium or low")
        String priority,
        String note,
        @PositiveOrZero(message = "must be 0 or more")
        Integer maxEmailsPerDay,
        // snake_case would give auto_skip_in_xdays
        @JsonProperty("auto_skip_in_x_days")
        @PositiveOrZero(message = "must be 0 or more")
        Integer autoSkipInXDays,
        @Size(max = 1, groups = WithoutAbTesting.class, message = "has more than one email variant, which makes an A/B test;"
                + " Apollo accepts A/B tests only on plans that include them, so they are off here."
                + " Keep one email per step (in a spreadsheet: one row per step number, or the B, C… columns empty),"
                + " or set apollo.ab-testing=true if your plan has A/B testing")
        List<@NotNull(message = "is null; remove it or write the email") @Valid EmailerTouch> emailerTouches) {
}
