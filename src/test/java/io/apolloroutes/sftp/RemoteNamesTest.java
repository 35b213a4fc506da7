package io.apolloroutes.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import io.apolloroutes.ingest.FailedFileGuard;
import org.apache.camel.component.file.GenericFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteNamesTest {

    final RemoteNames names = new RemoteNames(new FailedFileGuard());

    @ParameterizedTest
    @ValueSource(strings = {"q4-outbound.csv", "Partner Export (2).xlsx", "..hidden-but-plain.csv", "émission été.json"})
    void accepts_plain_file_names(String name) {
        assertThat(names.accept(listed(name, name))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..\\..\\windows\\win.ini", "sub/dir.csv", "/abs.csv", "..", ".",
        "C:evil.csv", "line\nbreak.csv", "nul\u0000.csv"})
    void refuses_names_that_could_reach_outside_the_import_folder(String name) {
        assertThat(names.accept(listed(name, name))).isFalse();
    }

    @Test
    void refuses_a_plain_looking_name_listed_with_a_path() {
        assertThat(names.accept(listed("passwd", "../../etc/passwd"))).isFalse();
    }

    @Test
    void leaves_folders_alone() {
        GenericFile<Object> folder = listed(".done", ".done");
        folder.setDirectory(true);

        assertThat(names.accept(folder)).isFalse();
    }

    private static GenericFile<Object> listed(String nameOnly, String name) {
        GenericFile<Object> file = new GenericFile<>();
        file.setFileNameOnly(nameOnly);
        file.setFileName(name);
        return file;
    }
}
