package dev.offload.cli;

import dev.offload.core.run.OffloadRun;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM for {@code offload run} (SPEC §8.4): the first signal cancels the run and lets it tear down its
 * sandboxes, write the partial report and print the summary, so the exit code is the run's (1), not the signal's. A
 * second signal abandons teardown and exits at once (shutdown hooks still stop local processes).
 */
final class InterruptHandler implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final List<Installed> previous;

    private record Installed(Signal signal, SignalHandler handler) {}

    private InterruptHandler(List<Installed> previous) {
        this.previous = previous;
    }

    static InterruptHandler install(OffloadRun run, PrintWriter err) {
        var count = new AtomicInteger();
        SignalHandler handler = signal -> {
            if (count.incrementAndGet() == 1) {
                err.println("Interrupted: stopping sandboxes and writing the partial report"
                        + " (interrupt again to abandon teardown)");
                err.flush();
                run.cancel("interrupted");
            } else {
                err.println("Teardown abandoned; sandboxes still running are left to the provider's own cleanup.");
                err.flush();
                System.exit(ExitCode.ERROR);
            }
        };
        return new InterruptHandler(SIGNALS.stream()
                .map(name -> new Signal(name))
                .map(signal -> new Installed(signal, Signal.handle(signal, handler)))
                .toList());
    }

    /** Restores the JVM's own handlers (in-process callers such as tests keep their behaviour). */
    @Override
    public void close() {
        previous.forEach(installed -> Signal.handle(installed.signal(), installed.handler()));
    }
}
