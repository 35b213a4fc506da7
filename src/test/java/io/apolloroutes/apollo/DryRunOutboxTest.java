package io.apolloroutes.apollo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.apolloroutes.config.FolderProperties;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.report.FileRun;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunOutboxTest {

    @TempDir
    Path dir;

    @Test
    void names_the_outbox_file_as_the_folder_is_configured_like_the_dead_letter_folder() throws IOException {
        // the default folders are relative ("outbox"); the report then says "outbox/<run>/001-….json"
        Path outbox = Path.of("").toAbsolutePath().relativize(dir.resolve("outbox"));
        FolderProperties folders = new FolderProperties(dir.resolve("inbox"), dir.resolve("processed"),
                dir.resolve("dead-letter"), dir.resolve("reports"), outbox);
        SequenceDraft draft = TestInputs.drafts(TestInputs.copy("samples/quick-start.csv", dir)).get(0);
        FileRun run = mock(FileRun.class);
        when(run.file()).thenReturn(draft.candidate().file());
        when(run.sequenceCount()).thenReturn(3);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());

        new DryRunOutbox(folders, new OutboxWriter(), new CreateSequenceCall(TestInputs.MAPPER), new OutboxProperties(1000))
                .write(draft, run, exchange);

        String file = exchange.getProperty(OutboxEntry.PROPERTY, OutboxEntry.class).file();
        assertThat(file).isEqualTo(outbox.resolve(draft.candidate().file().runId()).resolve("001-q1-outbound-vp-sales.json")
                .toString());
        assertThat(Path.of(file)).isRelative();
        await().atMost(Duration.ofSeconds(10)).until(() -> Path.of(file).toFile().isFile());
    }

    @Test
    void names_files_after_the_sequence_in_plain_ascii() {
        assertThat(DryRunOutbox.slug("Renewals – Café Accounts")).isEqualTo("renewals-cafe-accounts");
        assertThat(DryRunOutbox.slug("  Q1 Outbound: VP Sales!  ")).isEqualTo("q1-outbound-vp-sales");
    }

    @Test
    void falls_back_to_a_generic_name_when_nothing_is_left() {
        assertThat(DryRunOutbox.slug(null)).isEqualTo("sequence");
        assertThat(DryRunOutbox.slug("日本語")).isEqualTo("sequence");
    }

    @Test
    void cuts_long_names_without_a_trailing_dash() {
        String slug = DryRunOutbox.slug("a".repeat(59) + " b" + "c".repeat(40));

        assertThat(slug).isEqualTo("a".repeat(59));
    }
}
