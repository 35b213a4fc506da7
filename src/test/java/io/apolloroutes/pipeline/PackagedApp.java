package io.apolloroutes.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * The packaged application, the jar {@code mvn package} builds, run the way an operator runs it: a JVM
 * of its own in a working directory, configured on the command line, its console output in a log file
 * in that directory. Only failsafe tests can use it: the jar is built after the unit tests run.
 */
final class PackagedApp {

    private final String name;
    private final Process process;
    private final Path log;

    private PackagedApp(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts the jar in {@code workDir} with {@code --key=value} arguments; its output goes to {@code <name>.log}. */
    static PackagedApp start(String name, Path workDir, List<String> arguments) throws IOException {
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                // the small heap the README says is enough
                "-Xmx256m",
                // starts in two thirds of the time on a small build machine; the runs wait on Apollo, not the CPU
                "-XX:TieredStopAtLevel=1",
                // spool files of a killed run would otherwise stay behind in the system's temp folder
                "-Djava.io.tmpdir=" + tmp,
                "-jar", jar().toString()));
        command.addAll(arguments);
        Path log = workDir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PackagedApp(name, process, log);
    }

    /** The newest {@code target/apollo-sequence-routes-<version>.jar} (not the {@code .jar.original}). */
    static Path jar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "apollo-sequence-routes-*.jar")) {
            return StreamSupport.stream(jars.spliterator(), false)
                    .max(Comparator.comparing(PackagedApp::modified))
                    .map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run mvn verify, which"
                            + " packages the application before the integration tests"));
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGKILL on Linux and macOS: the JVM gets no chance to run shutdown hooks, close files or finish a
     * request. Returns once the signal is sent, when the process can no longer act; {@link #awaitExit}
     * waits for it to be gone.
     */
    void kill() {
        process.destroyForcibly();
    }

    /** Waits (at most 30 s) for the process to end; its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not end within 30 s");
        }
        return process.exitValue();
    }

    /** What the application printed so far. */
    String log() {
        try {
            // leniently: a process killed mid-line may leave half a character
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
