package dev.offload.core.scripts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scripts shipped inside offload-core under {@code dev/offload/scripts/} (SPEC §4.4) and their extraction into
 * {@code {output_dir}/.offload/scripts/}.
 */
public final class BundledScripts {
    /** Every name a {@code @name.ext} reference may use, sorted. */
    public static final List<String> NAMES = List.of(
            "docker_sandbox.sh",
            "modal_sandbox.py",
            "offload_pytest.py",
            "offload_pytest_fork.py",
            "offload_pytest_held.py",
            "offload_vitest_reporter.mjs",
            "ssh_sandbox.sh");

    private static final String RESOURCE_DIR = "dev/offload/scripts/";

    private BundledScripts() {}

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** Where {@link #extract} writes {@code name} for this output directory. */
    public static Path extractedPath(String name, Path outputDir) {
        return outputDir.resolve(".offload").resolve("scripts").resolve(name);
    }

    /**
     * Writes the script to {@link #extractedPath} with mode 0755, rewriting it only when its content differs, and
     * returns that path; empty when {@code name} is not a script this build ships.
     */
    public static Optional<Path> extract(String name, Path outputDir) {
        Optional<byte[]> content = content(name);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        Path target = extractedPath(name, outputDir);
        try {
            Files.createDirectories(target.getParent());
            if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), content.get())) {
                Files.write(target, content.get());
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract bundled script " + name + " to " + target, e);
        }
    }

    /** The script's bytes from the classpath; empty for unknown names or scripts missing from this build. */
    public static Optional<byte[]> content(String name) {
        if (!isKnown(name)) {
            return Optional.empty();
        }
        try (InputStream in = BundledScripts.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled script " + name, e);
        }
    }
}
