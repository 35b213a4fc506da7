package io.apolloroutes.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test classpath run in a JVM of its own, for what a test cannot show inside
 * Surefire's: a heap smaller than Surefire's, or a process that dies without shutting down.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Runs {@code main} with the JVM options and arguments, its output and errors in {@code log}; fails
     * the test when it runs longer than {@code timeout}.
     *
     * @return its exit code
     */
    public static int run(Path log, Duration timeout, List<String> options, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " ran longer than " + timeout + "; its output:"
                    + System.lineSeparator() + tail(log));
        }
        return child.exitValue();
    }

    /** The last lines of a child's log, for an assertion's message. */
    public static String tail(Path log) throws IOException {
        // leniently: a child stopped mid-write may end in half a character
        List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
