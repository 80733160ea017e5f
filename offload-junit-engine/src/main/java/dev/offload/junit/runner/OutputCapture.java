package dev.offload.junit.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Routes {@code System.out}/{@code System.err} into the running test's buffers (SPEC §7.3: per-test output). A test is
 * "running" on the thread the engine reported it on; output from any other thread goes to the real streams, which
 * therefore stay the batch log.
 */
final class OutputCapture {
    private static final int LIMIT = 1 << 20;

    private final PrintStream realOut;
    private final PrintStream realErr;
    private final ThreadLocal<Buffers> current = new ThreadLocal<>();

    /** One test's captured output. */
    static final class Buffers {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
    }

    OutputCapture(PrintStream realOut, PrintStream realErr) {
        this.realOut = realOut;
        this.realErr = realErr;
    }

    void install() {
        Charset charset = Charset.defaultCharset();
        System.setOut(new PrintStream(new Router(realOut, true), true, charset));
        System.setErr(new PrintStream(new Router(realErr, false), true, charset));
    }

    void uninstall() {
        System.out.flush();
        System.err.flush();
        System.setOut(realOut);
        System.setErr(realErr);
    }

    /** Starts capturing this thread's output for a test. */
    Buffers begin() {
        Buffers buffers = new Buffers();
        current.set(buffers);
        return buffers;
    }

    /** Stops capturing on this thread. */
    void end() {
        System.out.flush();
        System.err.flush();
        current.remove();
    }

    private final class Router extends OutputStream {
        private final PrintStream real;
        private final boolean stdout;

        Router(PrintStream real, boolean stdout) {
            this.real = real;
            this.stdout = stdout;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            Buffers buffers = current.get();
            if (buffers == null) {
                real.write(bytes, offset, length);
                return;
            }
            ByteArrayOutputStream target = stdout ? buffers.out : buffers.err;
            synchronized (target) {
                if (target.size() < LIMIT) {
                    target.write(bytes, offset, Math.min(length, LIMIT - target.size()));
                }
            }
        }

        @Override
        public void flush() {
            real.flush();
        }
    }
}
