package io.apolloroutes.apollo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxWriterTest {

    @TempDir
    Path dir;

    private final OutboxWriter writer = new OutboxWriter();

    @AfterEach
    void stop() throws InterruptedException {
        writer.stop();
    }

    @Test
    void every_queued_file_is_written_when_finish_returns() throws IOException {
        // far more files than the queue holds: the caller waits for room instead of writing out of order
        for (int i = 0; i < 2_000; i++) {
            writer.write("run", dir.resolve(i + ".json"), ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }

        List<String> unwritten = writer.finish("run");

        assertThat(unwritten).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(2_000);
        }
        assertThat(Files.readString(dir.resolve("1999.json"))).isEqualTo("{\"n\":1999}");
    }

    @Test
    void creates_the_folder_of_a_run_with_its_first_file() throws IOException {
        writer.write("run", dir.resolve("run-folder").resolve("001-a.json"), new byte[] {1});

        assertThat(writer.finish("run")).isEmpty();
        assertThat(dir.resolve("run-folder").resolve("001-a.json")).exists();
    }

    @Test
    void names_the_files_of_a_run_that_could_not_be_written() throws IOException {
        // a file where the run's folder should be: the folder cannot be created
        Files.writeString(dir.resolve("not-a-folder"), "x");
        writer.write("broken", dir.resolve("not-a-folder").resolve("001-a.json"), new byte[] {1});
        writer.write("other", dir.resolve("002-b.json"), new byte[] {2});

        assertThat(writer.finish("broken")).singleElement().asString().startsWith("001-a.json: ");
        assertThat(writer.finish("other")).isEmpty();
        // reported once, to the run it belongs to
        assertThat(writer.finish("broken")).isEmpty();
    }

    @Test
    void appends_the_lines_of_a_run_in_order_and_numbers_them_from_one() throws IOException {
        Path lines = dir.resolve("run-folder").resolve("requests.jsonl");
        List<Integer> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            numbers.add(writer.append("run", lines, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }

        assertThat(writer.finish("run")).isEmpty();

        List<String> written = Files.readAllLines(lines);
        assertThat(written).hasSize(2_000);
        assertThat(written.get(1_999)).isEqualTo("{\"n\":1999}");
        assertThat(numbers.get(0)).isEqualTo(1);
        assertThat(numbers.get(1_999)).isEqualTo(2_000);
    }

    @Test
    void the_next_run_starts_its_own_file_at_line_one() throws IOException {
        writer.append("first", dir.resolve("first.jsonl"), new byte[] {'1'});
        writer.append("first", dir.resolve("first.jsonl"), new byte[] {'2'});
        writer.finish("first");

        int line = writer.append("second", dir.resolve("second.jsonl"), new byte[] {'3'});
        writer.finish("second");

        assertThat(line).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("first.jsonl"))).containsExactly("1", "2");
        assertThat(Files.readAllLines(dir.resolve("second.jsonl"))).containsExactly("3");
    }

    @Test
    void names_the_lines_file_of_a_run_that_could_not_be_written_once() throws IOException {
        Files.writeString(dir.resolve("not-a-folder"), "x");
        Path lines = dir.resolve("not-a-folder").resolve("requests.jsonl");
        for (int i = 0; i < 10; i++) {
            writer.append("broken", lines, new byte[] {'{', '}'});
        }

        assertThat(writer.finish("broken")).singleElement().asString().startsWith("requests.jsonl: ");
    }
}
