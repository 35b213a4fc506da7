package io.apolloroutes.apollo;

import jakarta.annotation.PreDestroy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Writes dry-run outbox files on a thread of their own. Creating a file is a system call that costs
 * more than mapping and validating the sequence in it (most of a large dry run, see
 * docs/performance.md), and the file consumer does everything else on one core; this moves the files
 * to the other. Writes keep their order, a full queue makes the consumer wait instead of holding
 * more bodies in memory, and {@link #finish} tells a run which of its files could not be written.
 *
 * <p>A run writes either one file per body ({@link #write}) or lines of one file ({@link #append}),
 * which stays open on the writer thread until the run finishes.
 */
@Component
public class OutboxWriter {

    private static final int QUEUE = 256;

    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "outbox-writer");
                thread.setDaemon(true);
                return thread;
            }, OutboxWriter::waitForRoom);
    private final Map<String, List<String>> failures = new ConcurrentHashMap<>();
    // lines are counted by the callers, in queue order; the streams are touched by the writer thread only
    private final Map<String, Integer> linesQueued = new ConcurrentHashMap<>();
    private final Map<String, LinesFile> openLines = new HashMap<>();

    /**
     * Queues a file of a run; it is written after every file queued before it. Its folder is created
     * with the first file that needs it, rather than checked for every file.
     */
    public void write(String runId, Path file, byte[] body) {
        writer.execute(() -> {
            try {
                writeCreatingFolder(file, body);
            } catch (IOException | RuntimeException e) {
                fail(runId, file, e);
            }
        });
    }

    /**
     * Queues one line of a run's single outbox file, after everything queued before it.
     *
     * @return the line the body will be on, from 1
     */
    public int append(String runId, Path file, byte[] line) {
        int number = linesQueued.merge(runId, 1, Integer::sum);
        writer.execute(() -> {
            if (failures.containsKey(runId)) {
                // the run fails anyway; one reason is enough
                return;
            }
            try {
                LinesFile lines = openLines.get(runId);
                if (lines == null) {
                    Files.createDirectories(file.getParent());
                    lines = new LinesFile(file, new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
                    openLines.put(runId, lines);
                }
                lines.out().write(line);
                lines.out().write('\n');
            } catch (IOException | RuntimeException e) {
                fail(runId, file, e);
            }
        });
        return number;
    }

    private void fail(String runId, Path file, Exception e) {
        failures.computeIfAbsent(runId, id -> Collections.synchronizedList(new ArrayList<>()))
                .add(file.getFileName() + ": " + e);
    }

    private static void writeCreatingFolder(Path file, byte[] body) throws IOException {
        try {
            Files.write(file, body);
        } catch (NoSuchFileException missingFolder) {
            Files.createDirectories(file.getParent());
            Files.write(file, body);
        }
    }

    /**
     * Waits until every file queued so far is written.
     *
     * @return the files of the run that could not be written, with the reason; empty when all were
     */
    public List<String> finish(String runId) throws IOException {
        linesQueued.remove(runId);
        try {
            // one writer thread works in order: once this has run, so has everything queued before it
            writer.submit(() -> closeLines(runId)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the outbox was being written");
        } catch (ExecutionException e) {
            throw new IOException("the outbox writer failed", e.getCause());
        }
        List<String> failed = failures.remove(runId);
        return failed == null ? List.of() : List.copyOf(failed);
    }

    private void closeLines(String runId) {
        LinesFile lines = openLines.remove(runId);
        if (lines != null) {
            try {
                lines.out().close();
            } catch (IOException e) {
                fail(runId, lines.path(), e);
            }
        }
    }

    private record LinesFile(Path path, OutputStream out) {
    }

    /** A full queue makes the caller wait, so writes never run out of order on the caller's thread. */
    private static void waitForRoom(Runnable task, ThreadPoolExecutor executor) {
        try {
            executor.getQueue().put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting to queue an outbox file", e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(30, TimeUnit.SECONDS);
    }
}
