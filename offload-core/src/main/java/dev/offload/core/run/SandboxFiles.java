package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.framework.Framework;
import dev.offload.core.provider.Provider;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.SandboxUpload;
import dev.offload.core.report.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files copied into every sandbox at creation (SPEC §7.3): the framework stages them once per run under
 * {@code {output_dir}/.offload/}, and the provider is told to copy them in before the first sandbox is created.
 */
final class SandboxFiles {
    private SandboxFiles() {}

    /** A run-ending problem with the hint the front door prints under it. */
    static final class Failure extends Exception {
        private final String hint;

        Failure(String message, String hint, Throwable cause) {
            super(message, cause);
            this.hint = hint;
        }

        String hint() {
            return hint;
        }
    }

    static Optional<SandboxUpload> stage(Framework framework, Config config, RunObserver observer) throws Failure {
        long start = System.nanoTime();
        Optional<SandboxUpload> upload;
        try {
            upload = framework.stageSandboxFiles(config.report().outputDir().resolve(".offload"));
        } catch (IOException e) {
            throw new Failure(
                    "cannot stage the junit class path for the sandboxes: " + e.getMessage(),
                    "check that the class path entries exist and are readable, and that "
                            + config.report().outputDir() + " is writable",
                    e);
        }
        if (upload.isPresent()) {
            double secs = (System.nanoTime() - start) / 1e9;
            observer.phase("Staged the class path for the sandboxes: "
                    + describe(upload.get().localDir()) + " in " + Durations.formatSecs(secs) + " ("
                    + upload.get().localDir() + ")");
        }
        return upload;
    }

    static void attach(Provider provider, Optional<SandboxUpload> upload, Config config) throws Failure {
        if (upload.isEmpty()) {
            return;
        }
        boolean copied;
        try {
            copied = provider.uploadAtCreation(upload.get());
        } catch (ProviderException e) {
            throw new Failure(e.getMessage(), "check [provider] in " + config.file(), e);
        }
        if (!copied) {
            throw new Failure(
                    "provider type '" + provider.type() + "' cannot copy the junit class path into its sandboxes",
                    "set framework.sandbox_classpath in " + config.file()
                            + " to the class path as seen inside the sandbox (SPEC §7.3)",
                    null);
        }
    }

    private static String describe(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            long[] countAndBytes = {0, 0};
            for (Path file : files.toList()) {
                countAndBytes[0]++;
                countAndBytes[1] += Files.size(file);
            }
            return countAndBytes[0] + " files, "
                    + String.format(java.util.Locale.ROOT, "%.1f MiB", countAndBytes[1] / 1048576.0);
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
