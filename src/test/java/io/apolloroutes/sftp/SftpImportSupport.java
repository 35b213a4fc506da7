package io.apolloroutes.sftp;


import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.support.RunningPack;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole application running as users run it, importing from a real SFTP server (dry run: no API
 * key, so runs end in would-create), with the helpers SFTP tests share.
 */
abstract class SftpImportSupport {

    @TempDir
    Path work;

    final KeyPair clientKey = SftpTestServer.ecKey();
    SftpTestServer server;
    RunningPack app;

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (server != null) {
            server.close();
        }
    }

    Map<String, String> trusting(String knownHostsLine) {
        Path knownHosts = write(work.resolve("known_hosts"), knownHostsLine + "\n");
        Map<String, String> settings = new HashMap<>();
        settings.put("sftp.host", "127.0.0.1");
        settings.put("sftp.port", Integer.toString(server.port()));
        settings.put("sftp.username", SftpTestServer.USER);
        settings.put("sftp.private-key-file", SftpTestServer.writePrivateKey(clientKey, work.resolve("id_ecdsa")).toString());
        settings.put("sftp.known-hosts-file", knownHosts.toString());
        settings.put("sftp.directory", "outgoing");
        settings.put("sftp.poll-delay", "200ms");
        settings.put("sftp.stable-for", "200ms");
        settings.put("sftp.connect-timeout", "5s");
        settings.put("sftp.work-directory", work.resolve("sftp-work").toString());
        return settings;
    }

    RunningPack start(Map<String, String> settings) {
        return RunningPack.start(work, settings);
    }

    Path outgoing() {
        return server.root().resolve("outgoing");
    }

    /** Uploads the way partners should: under a temporary name, renamed when complete. */
    Path upload(String resource, String name) {
        try {
            Path copy = TestInputs.copy(resource, Files.createDirectories(work.resolve("staging")));
            return Files.move(copy, Files.createDirectories(outgoing()).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode awaitReport(String name) {
        return app.awaitReport(name, Duration.ofSeconds(30));
    }

    JsonNode awaitReport(String name, Duration patience) {
        return app.awaitReport(name, patience);
    }

    List<Path> reports() {
        return app.reports();
    }

    static List<Path> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(Files::isRegularFile).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
