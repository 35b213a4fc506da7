package io.apolloroutes.ingest;

import java.util.Locale;
import java.util.Optional;

/** How the text of a body cell is written. */
public enum BodyFormat {
    /** HTML when the cell contains HTML tags, plain text otherwise. */
    AUTO,
    HTML,
    TEXT,
    MARKDOWN;

    /** The format a cell or setting names ({@code html}, {@code Markdown}, ...), or empty when unknown. */
    public static Optional<BodyFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
