package dev.offload.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Tests that run real pytest skip with a visible message where it is missing, except under {@code CI=true}, where
 * {@code .ci/run} installs it and a missing pytest fails the test (SPEC §3.3).
 */
final class PytestAvailability {
    private PytestAvailability() {}

    static void require() {
        boolean available = pytestRuns();
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("python3 -m pytest is not available, but CI=true: .ci/run must install it");
        }
        if (!available) {
            System.err.println("SKIPPED: python3 -m pytest is not available on this machine");
        }
        assumeTrue(available, "python3 -m pytest is not available");
    }

    private static boolean pytestRuns() {
        try {
            Process p = new ProcessBuilder("python3", "-m", "pytest", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
