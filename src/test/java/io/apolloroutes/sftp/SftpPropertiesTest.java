package io.apolloroutes.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SftpPropertiesTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @TempDir
    Path folder;

    @Test
    void is_off_and_valid_without_a_host() {
        SftpProperties off = bind(Map.of());

        assertThat(off.enabled()).isFalse();
        assertThat(problems(off)).isEmpty();
    }

    @Test
    void checks_host_keys_moves_imported_files_and_polls_every_minute_by_default() throws Exception {
        SftpProperties sftp = bind(complete());

        assertThat(sftp.enabled()).isTrue();
        assertThat(sftp.port()).isEqualTo(22);
        assertThat(sftp.strictHostKeyChecking()).isTrue();
        assertThat(sftp.afterImport()).isEqualTo(SftpProperties.AfterImport.MOVE);
        assertThat(sftp.doneFolder()).isEqualTo(".done");
        assertThat(sftp.failedFolder()).isEqualTo(".failed");
        assertThat(sftp.pollDelay()).hasMinutes(1);
        assertThat(problems(sftp)).isEmpty();
    }

    @Test
    void imports_by_default_every_file_type_the_pack_reads_or_explains() throws Exception {
        String include = bind(complete()).include();

        for (String name : java.util.List.of("plan.csv", "plan.TSV", "plan.tab", "plan.txt", "plan.json", "plan.jsonl",
                "plan.ndjson", "plan.xlsx", "plan.xlsm", "plan.xls", "plan.ods", "plan.numbers", "plan.xlsb")) {
            assertThat(name).as("default sftp.include").matches(include);
        }
        assertThat("notes.docx").doesNotMatch(include);
    }

    @Test
    void needs_a_user_and_a_key_or_password_once_a_host_is_set() throws Exception {
        Map<String, String> settings = complete();
        settings.remove("sftp.username");
        settings.remove("sftp.private-key-file");

        assertThat(problems(bind(settings))).containsExactlyInAnyOrder(
                "sftp.username is required once sftp.host is set",
                "the SFTP import needs sftp.private-key-file (preferred) or sftp.password");
    }

    @Test
    void refuses_to_start_without_a_known_hosts_file_unless_told_this_is_a_test_server() throws Exception {
        Map<String, String> settings = complete();
        settings.put("sftp.known-hosts-file", folder.resolve("missing_known_hosts").toString());

        assertThat(problems(bind(settings))).singleElement().asString().startsWith("sftp.known-hosts-file must name");

        settings.put("sftp.strict-host-key-checking", "false");
        assertThat(problems(bind(settings))).isEmpty();
    }

    @Test
    void keeps_the_done_and_failed_folders_inside_the_import_folder() throws Exception {
        Map<String, String> settings = complete();
        settings.put("sftp.done-folder", "../elsewhere");

        assertThat(problems(bind(settings))).containsExactly(
                "sftp.done-folder and sftp.failed-folder must be plain folder names inside sftp.directory");
    }

    @Test
    void never_prints_the_password_or_passphrase() throws Exception {
        Map<String, String> settings = complete();
        settings.put("sftp.password", "hunter2-password");
        settings.put("sftp.private-key-passphrase", "correct horse battery");

        assertThat(bind(settings).toString()).doesNotContain("hunter2").doesNotContain("horse")
                .contains("password=(set)").contains("privateKeyPassphrase=(set)");
    }

    private Map<String, String> complete() throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("sftp.host", "sftp.partner.example");
        settings.put("sftp.username", "apollo-import");
        settings.put("sftp.private-key-file", Files.writeString(folder.resolve("id_ed25519"), "key").toString());
        settings.put("sftp.known-hosts-file", Files.writeString(folder.resolve("known_hosts"), "host key").toString());
        return settings;
    }

    private static SftpProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("sftp", SftpProperties.class);
    }

    private static Set<String> problems(SftpProperties sftp) {
        return VALIDATOR.validate(sftp).stream().map(ConstraintViolation::getMessage)
                .collect(java.util.stream.Collectors.toSet());
    }
}
