package io.apolloroutes.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;

class FailedFileGuardTest {

    final FailedFileGuard guard = new FailedFileGuard();

    @Test
    void leaves_a_failed_file_alone_while_it_is_listed_unchanged() {
        guard.markFailed(listed("/srv/outgoing/q4.csv", 2_048, 1_700_000_000_000L));

        assertThat(guard.accept(listed("/srv/outgoing/q4.csv", 2_048, 1_700_000_000_000L))).isFalse();
        assertThat(guard.accept(listed("/srv/outgoing/q4.csv", 2_048, 1_700_000_000_000L))).isFalse();
    }

    @Test
    void takes_the_file_again_once_it_is_changed_or_replaced() {
        guard.markFailed(listed("/srv/outgoing/q4.csv", 2_048, 1_700_000_000_000L));

        assertThat(guard.accept(listed("/srv/outgoing/q4.csv", 2_051, 1_700_000_000_000L))).isTrue();
        assertThat(guard.accept(listed("/srv/outgoing/q4.csv", 2_048, 1_700_000_060_000L))).isTrue();
        assertThat(guard.accept(listed("/srv/outgoing/q1.csv", 2_048, 1_700_000_000_000L))).isTrue();
    }

    private static GenericFile<Object> listed(String path, long length, long lastModified) {
        GenericFile<Object> file = new GenericFile<>();
        file.setAbsoluteFilePath(path);
        file.setFileName(path.substring(path.lastIndexOf('/') + 1));
        file.setFileLength(length);
        file.setLastModified(lastModified);
        return file;
    }
}
