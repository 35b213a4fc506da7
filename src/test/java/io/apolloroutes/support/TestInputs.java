package io.apolloroutes.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apolloroutes.ingest.InputFile;
import io.apolloroutes.ingest.InputFormat;
import io.apolloroutes.ingest.InputSpooler;
import io.apolloroutes.ingest.ReadOptions;
import io.apolloroutes.ingest.SequenceCandidate;
import io.apolloroutes.ingest.SourceProfile;
import io.apolloroutes.ingest.SpooledInput;
import io.apolloroutes.mapping.SequenceDraft;
import io.apolloroutes.mapping.SequenceMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads test fixtures through the real parse stage. */
public final class TestInputs {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestInputs() {
    }

    /** Copies a classpath resource (e.g. {@code inputs/interleaved.csv}) into a folder. */
    public static Path copy(String resource, Path folder) {
        try (InputStream in = TestInputs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Path target = folder.resolve(Path.of(resource).getFileName().toString());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path folder, String name, String content) {
        try {
            return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputFile inputFile(Path path) {
        return inputFile(path, SourceProfile.defaults("test"));
    }

    public static InputFile inputFile(Path path, SourceProfile source) {
        String name = path.getFileName().toString();
        return new InputFile(name, path, InputFormat.forFileName(name).orElse(null), Instant.now(), "test_" + name,
                source);
    }

    public static SpooledInput spool(Path path) throws IOException {
        return spool(path, SourceProfile.defaults("test"));
    }

    /** Reads a file with other read options than the defaults. */
    public static SpooledInput spool(Path path, ReadOptions options) throws IOException {
        SourceProfile defaults = SourceProfile.defaults("test");
        return spool(path, new SourceProfile("test", options, defaults.renames(), defaults.constants(),
                defaults.bodyFormat()));
    }

    public static SpooledInput spool(Path path, SourceProfile source) throws IOException {
        return new InputSpooler(MAPPER).spool(inputFile(path, source));
    }

    /** All sequences of a file, read back from the spool. */
    public static List<SequenceCandidate> candidates(Path path) throws IOException {
        try (SpooledInput input = spool(path)) {
            List<SequenceCandidate> all = new ArrayList<>();
            input.sequences().forEachRemaining(all::add);
            return all;
        }
    }

    /** Every sequence of a file, mapped to a request as the pipeline maps it. */
    public static List<SequenceDraft> drafts(Path path) throws IOException {
        SequenceMapper mapper = new SequenceMapper(MAPPER);
        return candidates(path).stream().map(mapper::map).toList();
    }
}
