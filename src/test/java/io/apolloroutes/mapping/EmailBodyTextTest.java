package io.apolloroutes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.support.RandomText;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-pass reading must give, byte for byte, what splitting at blank lines with patterns gave. */
class EmailBodyTextTest {

    /** Line ends, \s whitespace, Unicode whitespace that only trimming removes, and what is no whitespace. */
    private static final String ALPHABET = "a<&\n\n\r \t\u000B\f\u2003\u00A0\u001C\u2028\u0085";

    @ParameterizedTest
    @ValueSource(strings = {"Hi", "a\n\nb", "a\n \nb", "a\n\t\u000B\f\nb", "a\n\u2003\nb", "a\n\u00A0\nb",
            "a\n\u2003\n\nb", "a\n\n\u2003\n\nb", "a\n\n\u2003\nb", "\u2003\n\na", "a\n\n\u2003", "a\r\n\r\nb",
            "a\r\rb", "a\n\rb", "a\r\r\nb", " a \n b ", "a\u2028\u2028b", "a\n\u2028\nb", "a\n\u001C\n\u001C\nb",
            "\n\n a\n\n\n\n b\n\n", "a\n \u2003 \n\n \u2003\nb", "<a> & <b>\n\nc", "a\u0085\n\u0085b"})
    void reads_blank_lines_and_whitespace_as_the_patterns_did(String text) {
        assertThat(EmailBodyText.toHtml(text)).isEqualTo(reference(text));
    }

    @Test
    void reads_every_short_text_as_the_patterns_did() {
        String letters = "a\n\r \u2003";
        for (int length = 1; length <= 7; length++) {
            int count = (int) Math.pow(letters.length(), length);
            for (int i = 0; i < count; i++) {
                StringBuilder text = new StringBuilder();
                for (int rest = i, k = 0; k < length; k++, rest /= letters.length()) {
                    text.append(letters.charAt(rest % letters.length()));
                }
                check(text.toString());
            }
        }
    }

    @Test
    void reads_random_texts_as_the_patterns_did() {
        for (String text : RandomText.strings(42, 50_000, ALPHABET, 1, 16)) {
            check(text);
        }
    }

    private static void check(String text) {
        if (!text.isBlank()) {
            assertThat(EmailBodyText.toHtml(text)).as("%s", text.chars().mapToObj(c -> String.format("\\u%04x", c))
                    .collect(Collectors.joining())).isEqualTo(reference(text));
        }
    }

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern LINE_BREAK = Pattern.compile("\\n");

    /** How plain text was turned into HTML before the one-pass reading. */
    private static String reference(String body) {
        String text = body.replace("\r\n", "\n").replace('\r', '\n').strip();
        return Arrays.stream(PARAGRAPH_BREAK.split(text))
                .map(paragraph -> "<p>" + Arrays.stream(LINE_BREAK.split(paragraph.strip()))
                        .map(line -> line.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                        .collect(Collectors.joining("<br>")) + "</p>")
                .collect(Collectors.joining());
    }
}
