package io.apolloroutes.apollo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Pattern;

/**
 * The email content of one touch. Apollo wraps {@code body_html} in a full HTML document itself and
 * derives the plain-text body, so only HTML is sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmailerTemplate(
        String id,
        // a cell typed with Alt+Enter keeps its line break; a mail header cannot hold one, and what Apollo
        // or a mail server would make of it (cut, folded, refused) is not for the recipient to find out
        @Pattern(regexp = "[^\\r\\n\\u0085\\u2028\\u2029]*", message = "is on more than one line, but an email's"
                + " subject is one line; remove the line break (Alt+Enter in Excel, Ctrl+Enter in Google Sheets)")
        String subject,
        String bodyHtml) {

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
