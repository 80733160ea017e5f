package dev.offload.core.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** A reader thread that hands each UTF-8 line of a stream to a sink as soon as the line is complete. */
final class LineStreamer {
    private static final System.Logger LOG = System.getLogger(LineStreamer.class.getName());

    private final Thread thread;

    private LineStreamer(Thread thread) {
        this.thread = thread;
    }

    /** Starts reading; a final line without a newline is delivered at end of stream. */
    static LineStreamer start(InputStream in, Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> pump(in, sink, name), name);
        thread.setDaemon(true);
        thread.start();
        return new LineStreamer(thread);
    }

    /**
     * Waits for the end of the stream. Bounded, because a process that escaped every kill could hold the pipe open;
     * the thread then ends with that process.
     */
    boolean await(Duration limit) {
        try {
            thread.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private static void pump(InputStream in, Consumer<String> sink, String name) {
        try (InputStreamReader source = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            BoundedLineReader reader = new BoundedLineReader(source);
            String line;
            while ((line = reader.readLine()) != null) {
                deliver(sink, line, name);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, name + ": output stream closed: " + e.getMessage());
        }
    }

    /** A failing listener must not stop the reading, or the process would block on a full pipe. */
    private static void deliver(Consumer<String> sink, String line, String name) {
        try {
            sink.accept(line);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + ": output listener failed", e);
        }
    }
}
