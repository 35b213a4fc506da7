package io.apolloroutes.apollo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The email content of one touch. Apollo wraps {@code body_html} in a full HTML document itself and
 * derives the plain-text body, so only HTML is sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmailerTemplate(String id, String subject, String bodyHtml) {
}
