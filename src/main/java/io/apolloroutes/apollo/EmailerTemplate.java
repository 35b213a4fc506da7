package io.apolloroutes.apollo;

import com.fasterxml.jackson.annotation.JsonIgnore;
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

    /**
     * True when the body shows something: text (Apollo variables count) or an image. {@code <p></p>},
     * {@code <p>&nbsp;</p>}, {@code <br>} and a lone zero-width space are empty, as they are to the person
     * reading the email.
     */
    @JsonIgnore
    public boolean hasVisibleBody() {
        return VisibleText.isVisible(bodyHtml);
    }
}
