package io.apolloroutes.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.ingest.FailedFileGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SftpSourceUriTest {

    @TempDir
    Path folder;

    @Test
    void hands_file_patterns_to_the_endpoint_exactly_as_written() throws Exception {
        Map<String, String> settings = settings();
        settings.put("sftp.include", "(?i)report-\\d+\\.(csv|xlsx)");

        SftpProperties sftp = bind(settings);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            // the beans the address names
            camel.getRegistry().bind("sftpPollFailures", new SftpPollFailures(sftp, camel));
            camel.getRegistry().bind("sftpNames", new RemoteNames(new FailedFileGuard()));
            camel.getRegistry().bind("sftpImports", new MemoryIdempotentRepository());
            SftpEndpoint endpoint = camel.getEndpoint(new SftpSourceUri(sftp, camel).uri(), SftpEndpoint.class);

            assertThat(endpoint.getInclude()).isEqualTo("(?i)report-\\d+\\.(csv|xlsx)");
            assertThat(endpoint.getExclude()).isEqualTo("(?i).*\\.(tmp|part|partial|filepart|crdownload|swp|lock)$");
            assertThat(endpoint.getReadLock()).isEqualTo("changed");
            assertThat(endpoint.getReadLockMinAge()).isEqualTo(10_000);
            assertThat(endpoint.getConfiguration().getPassword()).as("secrets never in the address").isNull();
        }
    }

    private Map<String, String> settings() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("sftp.host", "sftp.partner.example");
        settings.put("sftp.username", "apollo-import");
        settings.put("sftp.password", "not-in-the-address");
        settings.put("sftp.known-hosts-file", Files.writeString(folder.resolve("known_hosts"), "k").toString());
        return settings;
    }

    private static SftpProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("sftp", SftpProperties.class);
    }
}
