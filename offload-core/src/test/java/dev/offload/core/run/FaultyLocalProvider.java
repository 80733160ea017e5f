package dev.offload.core.run;

import dev.offload.core.provider.OutputListener;
import dev.offload.core.provider.Provider;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the REAL local provider and injects one kind of fault (issue 11's fault-injection suite): sandbox creation,
 * exec, the downloaded result file, download and destroy fail as a scenario says. Everything else, the batch processes
 * included, is the local provider's own behaviour. Random faults use a fixed seed.
 */
final class FaultyLocalProvider implements Provider {
    /** What to break, and how often. */
    enum Fault {
        NONE,
        CREATE_FAILS,
        EXEC_KILLED_MID_BATCH,
        RESULT_MISSING,
        RESULT_EMPTY,
        RESULT_TRUNCATED,
        RESULT_NOT_XML,
        RESULT_50_MB,
        DOWNLOAD_FAILS,
        DESTROY_FAILS,
        BATCH_HANGS,
        ERROR_IN_WORKER
    }

    private final Provider real;
    private final Fault fault;
    private final double rate;
    private final int firstN;
    private final Random random = new Random(11);
    private final AtomicInteger execs = new AtomicInteger();
    private final AtomicInteger downloads = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean hung = new java.util.concurrent.atomic.AtomicBoolean();

    /** {@code BATCH_HANGS} hangs the first batch holding this id (kept small by the test, so that re-runs are few). */
    static final String HANG_MARKER = "test_mod_0.py::test_pass_0";

    /**
     * @param rate probability of a fault per call, for {@code CREATE_FAILS} and {@code DOWNLOAD_FAILS}
     * @param firstN the other faults (except {@code BATCH_HANGS}) hit the first {@code firstN} execs or downloads
     */
    FaultyLocalProvider(Provider real, Fault fault, double rate, int firstN) {
        this.real = real;
        this.fault = fault;
        this.rate = rate;
        this.firstN = firstN;
    }

    @Override
    public String type() {
        return real.type();
    }

    @Override
    public Sandbox create(int slot) throws ProviderException, InterruptedException {
        if (fault == Fault.CREATE_FAILS && chance()) {
            throw new ProviderException("injected: create of slot " + slot + " failed");
        }
        return new FaultySandbox(real.create(slot));
    }

    @Override
    public void close() {
        real.close();
    }

    private synchronized boolean chance() {
        return random.nextDouble() < rate;
    }

    private final class FaultySandbox extends ForwardingSandbox {
        FaultySandbox(Sandbox sandbox) {
            super(sandbox);
        }

        @Override
        public ExecResult exec(ExecRequest request, OutputListener output)
                throws ProviderException, InterruptedException {
            boolean hit = execs.incrementAndGet() <= firstN;
            String prefix = switch (fault) {
                // The batch's own shell is killed while pytest runs: its children are orphaned.
                case EXEC_KILLED_MID_BATCH -> hit ? "(sleep 0.4; kill -9 $$) &\n" : "";
                case BATCH_HANGS ->
                    request.script().contains(HANG_MARKER) && hung.compareAndSet(false, true)
                            ? "sleep 4714 || exit 1\n"
                            : "";
                default -> "";
            };
            if (fault == Fault.ERROR_IN_WORKER && hit) {
                throw new OutOfMemoryError("injected into batch exec");
            }
            var changed = new ExecRequest(
                    prefix + request.script(),
                    request.workingDir(),
                    request.env(),
                    request.timeout(),
                    request.pgidFile(),
                    request.stop());
            return sandbox.exec(changed, output);
        }

        @Override
        public void download(List<Transfer> transfers) throws ProviderException, InterruptedException {
            if (fault == Fault.DOWNLOAD_FAILS && chance()) {
                throw new ProviderException("injected: download failed");
            }
            sandbox.download(transfers);
            if (downloads.incrementAndGet() <= firstN) {
                transfers.forEach(t -> corrupt(t.local()));
            }
        }

        @Override
        public void destroy() throws ProviderException, InterruptedException {
            if (fault == Fault.DESTROY_FAILS) {
                throw new ProviderException("injected: destroy of " + id() + " failed");
            }
            sandbox.destroy();
        }
    }

    private void corrupt(Path file) {
        try {
            switch (fault) {
                case RESULT_MISSING -> Files.delete(file);
                case RESULT_EMPTY -> Files.write(file, new byte[0]);
                case RESULT_TRUNCATED -> {
                    byte[] bytes = Files.readAllBytes(file);
                    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
                }
                case RESULT_NOT_XML -> Files.writeString(file, "Traceback (most recent call last):\n  boom\n");
                case RESULT_50_MB -> inflate(file);
                default -> {}
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts 50 MB of captured output into the first testcase: a valid file, far larger than usual. */
    private static void inflate(Path file) throws IOException {
        String xml = Files.readString(file);
        int end = xml.indexOf('>', xml.indexOf("<testcase"));
        String huge = "<system-out>" + "x".repeat(50 * 1024 * 1024) + "</system-out>";
        String inflated = xml.charAt(end - 1) == '/'
                ? xml.substring(0, end - 1) + ">" + huge + "</testcase>" + xml.substring(end + 1)
                : xml.substring(0, end + 1) + huge + xml.substring(end + 1);
        Files.writeString(file, inflated, StandardCharsets.UTF_8);
    }
}
