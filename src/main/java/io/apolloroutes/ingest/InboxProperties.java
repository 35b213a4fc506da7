package io.apolloroutes.ingest;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Polling of the inbox ({@code inbox.*}). The inbox route reads these through property placeholders;
 * binding them here checks them at startup, so a typo fails with a clear message instead of at the
 * first poll.
 *
 * @param pollDelay           how often the inbox is scanned
 * @param stableFor           a file is taken only after its size and modification time have not changed
 *                            for this long
 * @param stableCheckInterval how often that is checked
 * @param mapping             the mapping file for files dropped into the inbox, or null for none
 * @param lockMaxAge          how old the read lock of a file being processed may grow without being
 *                            refreshed before another instance takes the file over (its holder died)
 */
@Validated
@ConfigurationProperties("inbox")
public record InboxProperties(@NotNull Duration pollDelay, @NotNull Duration stableFor,
                              @NotNull Duration stableCheckInterval, Path mapping,
                              @NotNull @DefaultValue("30s") Duration lockMaxAge) {
}
