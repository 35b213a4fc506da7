package io.apolloroutes.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.apolloroutes.ingest.SourceStatus;
import io.apolloroutes.support.TestInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SFTP import against a real SFTP server, with the whole application running. */
@ExtendWith(OutputCaptureExtension.class)
class SftpImportTest extends SftpImportSupport {

    @Test
    void imports_a_dropped_file_and_moves_it_to_the_done_folder() throws IOException {
        server = SftpTestServer.on(work.resolve("server"), clientKey).start();
        Path original = upload("samples/quick-start.csv", "q4-partner.csv");
        app = start(trusting(server.knownHostsLine()));

        JsonNode report = awaitReport("q4-partner.csv");

        assertThat(report.path("counts").path("rows").asInt()).isEqualTo(11);
        assertThat(report.path("counts").path("sequences_by_outcome").path("would-create").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.notExists(original));
        assertThat(filesIn(outgoing().resolve(".done"))).singleElement()
                .satisfies(done -> assertThat(done.getFileName().toString()).isEqualTo(report.path("run").asText()))
                .satisfies(done -> assertThat(done).hasSameBinaryContentAs(
                        TestInputs.copy("samples/quick-start.csv", Files.createDirectories(work.resolve("expected")))));
        assertThat(filesIn(work.resolve("sftp-work"))).as("downloads are removed after their run").isEmpty();
    }

    @Test
    void takes_a_file_only_once_it_has_stopped_changing() throws IOException {
        server = SftpTestServer.on(work.resolve("server"), clientKey).start();
        Path uploaded = upload("samples/quick-start.csv", "just-uploaded.csv");
        Map<String, String> settings = trusting(server.knownHostsLine());
        settings.put("sftp.stable-for", "3s");
        app = start(settings);
        // written a moment ago, as the pack first sees it: on a busy machine starting the pack alone can take
        // longer than stable-for, so the upload's own time would already be old enough
        Files.setLastModifiedTime(uploaded, FileTime.from(Instant.now()));

        // could still be growing
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> reports().isEmpty());

        assertThat(awaitReport("just-uploaded.csv").path("counts").path("rows").asInt()).isEqualTo(11);
    }

    @Test
    void an_unreadable_file_goes_to_the_failed_folder_and_a_copy_to_the_dead_letter_folder() throws IOException {
        server = SftpTestServer.on(work.resolve("server"), clientKey).start();
        Path original = upload("inputs/truncated.json", "partner-export.json");
        app = start(trusting(server.knownHostsLine()));

        JsonNode report = awaitReport("partner-export.json");

        assertThat(report.path("status").asText()).isEqualTo("unreadable");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.notExists(original));
        assertThat(filesIn(outgoing().resolve(".failed"))).extracting(p -> p.getFileName().toString())
                .containsExactly(report.path("run").asText());
        Path deadLetter = work.resolve("dead-letter").resolve(report.path("run").asText());
        assertThat(deadLetter.resolve("partner-export.json")).hasSameBinaryContentAs(
                TestInputs.copy("inputs/truncated.json", Files.createDirectories(work.resolve("expected"))));
        assertThat(deadLetter.resolve("partner-export.json.error.txt")).content().startsWith("partner-export.json: ");
    }

    @Test
    void deletes_imported_files_when_told_to_and_polls_on_a_cron_schedule() {
        server = SftpTestServer.on(work.resolve("server"), clientKey).start();
        Path original = upload("samples/quick-start.csv", "delete-me.csv");
        Map<String, String> settings = trusting(server.knownHostsLine());
        settings.put("sftp.after-import", "delete");
        // every second, from Quartz
        settings.put("sftp.cron", "0/1 * * * * ?");
        app = start(settings);

        awaitReport("delete-me.csv");

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.notExists(original));
        assertThat(outgoing().resolve(".done")).doesNotExist();
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) app.bean(CamelContext.class).getRoute("sftp-import")
                .getConsumer();
        assertThat(consumer.getScheduler()).isInstanceOf(QuartzScheduledPollConsumerScheduler.class);
    }

    @Test
    void a_file_that_cannot_be_moved_away_is_not_imported_twice() throws IOException {
        server = SftpTestServer.on(work.resolve("server"), clientKey).start();
        // a plain file where the done folder should be: every move fails, the file stays in place
        Files.createDirectories(outgoing());
        Files.writeString(outgoing().resolve(".done"), "not a folder");
        Path original = upload("samples/quick-start.csv", "stays.csv");
        app = start(trusting(server.knownHostsLine()));

        awaitReport("stays.csv");
        // many polls go by with the file still there
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> Files.exists(original));

        assertThat(reports()).hasSize(1);
        // remembered in the ledger's database, so a restart does not import it again either
        app.close();
        app = start(trusting(server.knownHostsLine()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> Files.exists(original));
        assertThat(reports()).hasSize(1);
        assertThat(JdbcClient.create(app.bean(javax.sql.DataSource.class))
                .sql("select messageId from camel_messageprocessed where processorName = 'sftp-import'")
                .query(String.class).list()).singleElement().asString().startsWith("stays.csv|");
    }

    @Test
    void a_file_whose_run_broke_off_and_cannot_be_moved_to_failed_is_not_imported_again(CapturedOutput output)
            throws IOException {
        server = SftpTestServer.on(work.resolve("server"), clientKey).start();
        // a plain file where the failed folder should be: the move after the failure fails too
        Files.createDirectories(outgoing());
        Files.writeString(outgoing().resolve(".failed"), "not a folder");
        app = start(trusting(server.knownHostsLine()));
        // the run breaks off (not the file's fault): its report cannot be written where reports go
        Path reports = work.resolve("reports");
        Files.delete(reports);
        Files.writeString(reports, "a file where the reports folder should be");
        Path original = upload("samples/quick-start.csv", "broken-run.csv");

        await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll()
                .contains("broken-run.csv failed before and is left untouched where it is"));
        // many polls go by with the file still there, each of which would import it again without the guard
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> Files.exists(original));

        try (Stream<Path> entries = Files.list(work.resolve("dead-letter"))) {
            assertThat(entries.toList()).as("one failed run, one dead-letter entry").singleElement()
                    .satisfies(entry -> assertThat(entry.getFileName().toString()).endsWith("_broken-run.csv"));
        }
        assertThat(output.getAll().split("broken-run.csv: processing stopped by an internal error", -1)).hasSize(2);
    }

    @Test
    void refuses_a_server_whose_host_key_is_not_the_known_one_and_stops_the_import(CapturedOutput output)
            throws IOException {
        server = SftpTestServer.on(work.resolve("server"), clientKey).start();
        Path original = upload("samples/quick-start.csv", "from-impostor.csv");
        app = start(trusting(server.impostorKnownHostsLine()));

        CamelContext camel = app.bean(CamelContext.class);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> camel.getRouteController().getRouteStatus("sftp-import") == ServiceStatus.Stopped);

        assertThat(output.getAll()).contains("SFTP: import stopped: the host key of " + SftpTestServer.USER
                + "@127.0.0.1:" + server.port() + " is not the one in");
        assertThat(app.bean(SftpPollFailures.class).status().state()).isEqualTo(SourceStatus.State.STOPPED);
        assertThat(original).exists();
        assertThat(reports()).isEmpty();
    }

    @Test
    void refuses_a_server_the_known_hosts_file_does_not_list(CapturedOutput output) throws IOException {
        server = SftpTestServer.on(work.resolve("server"), clientKey).start();
        Path original = upload("samples/quick-start.csv", "unknown-server.csv");
        app = start(trusting("[sftp.partner.example]:22 " + server.knownHostsLine().split(" ", 2)[1]));

        await().atMost(Duration.ofSeconds(20)).until(() -> app.bean(CamelContext.class).getRouteController()
                .getRouteStatus("sftp-import") == ServiceStatus.Stopped);

        assertThat(output.getAll()).contains("SFTP: import stopped: the host key of").contains("reject HostKey");
        assertThat(original).exists();
        assertThat(reports()).isEmpty();
    }

    @Test
    void a_client_key_the_server_does_not_know_is_refused_and_tried_again_later(CapturedOutput output)
            throws IOException {
        server = SftpTestServer.on(work.resolve("server"), SftpTestServer.ecKey()).start();
        Path original = upload("samples/quick-start.csv", "wrong-key.csv");
        app = start(trusting(server.knownHostsLine()));

        await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().contains("the server refused the login"));

        assertThat(app.bean(SftpPollFailures.class).status().state()).isEqualTo(SourceStatus.State.DOWN);
        assertThat(app.bean(CamelContext.class).getRouteController().getRouteStatus("sftp-import"))
                .isEqualTo(ServiceStatus.Started);
        assertThat(original).exists();
        assertThat(reports()).isEmpty();
    }

    @Test
    void starts_while_the_server_is_down_shows_it_in_health_and_imports_once_it_is_up(CapturedOutput output)
            throws Exception {
        server = SftpTestServer.on(work.resolve("server"), clientKey);
        upload("samples/quick-start.csv", "after-outage.csv");
        Map<String, String> settings = trusting(server.knownHostsLine());
        settings.put("server.port", "0");
        app = start(settings);

        await().atMost(Duration.ofSeconds(20)).until(() -> output.getAll().contains("SFTP: cannot import from"));
        JsonNode down = app.health("");
        assertThat(down.path("status").asText()).isEqualTo("DOWN");
        assertThat(down.path("components").path("sftpImport").path("details").path("reason").asText())
                .contains("Connection refused");
        assertThat(app.health("/liveness").path("status").asText()).as("no reason to restart the service").isEqualTo("UP");
        server.start();

        assertThat(awaitReport("after-outage.csv").path("counts").path("rows").asInt()).isEqualTo(11);
        await().atMost(Duration.ofSeconds(5)).until(() -> app.health("").path("status").asText().equals("UP"));
        assertThat(output.getAll()).contains("answers again; importing resumes")
                .as("a failed poll is explained in one line, not a stack trace per poll")
                .doesNotContain("Failed polling endpoint");
    }

    @Test
    void logs_in_with_a_key_protected_by_a_passphrase_and_never_shows_it(CapturedOutput output) {
        String passphrase = "correct horse battery staple";
        server = SftpTestServer.on(work.resolve("server"), clientKey).start();
        upload("samples/quick-start.csv", "by-encrypted-key.csv");
        Map<String, String> settings = trusting(server.knownHostsLine());
        settings.put("sftp.private-key-file",
                SftpTestServer.writePrivateKey(clientKey, work.resolve("id_ecdsa_locked"), passphrase).toString());
        settings.put("sftp.private-key-passphrase", passphrase);
        settings.put("logging.level.org.apache.camel", "DEBUG");
        app = start(settings);

        awaitReport("by-encrypted-key.csv");

        assertThat(output.getAll()).doesNotContain("horse battery");
    }

    @Test
    void logs_in_with_a_password_and_never_shows_it(CapturedOutput output) throws IOException {
        String password = "Tr0ub4dor&3)x";
        server = SftpTestServer.on(work.resolve("server"), clientKey).acceptingPassword(password).start();
        upload("samples/quick-start.csv", "by-password.csv");
        Map<String, String> settings = trusting(server.knownHostsLine());
        settings.remove("sftp.private-key-file");
        settings.put("sftp.password", password);
        // Camel prints addresses and the properties they are made of at debug level
        settings.put("logging.level.org.apache.camel", "DEBUG");
        app = start(settings);

        awaitReport("by-password.csv");

        assertThat(output.getAll()).contains("sftp-import").doesNotContain("Tr0ub4dor");
    }


}
