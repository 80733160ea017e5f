package dev.offload.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * SPEC §4.13: Offload deletes its own entries inside {@code output_dir} at every run, so it refuses a directory
 * whose loss or clutter would hurt: the filesystem root, the user's home, the project root and any ancestor of the
 * config file. It must also be a directory, or not exist yet.
 */
final class OutputDirRules {
    private final Path home;

    OutputDirRules(Path home) {
        this.home = home;
    }

    /** The message for an output directory that is an existing file: the run could not write a report there. */
    static Optional<String> notADirectory(Path outputDir) {
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            return Optional.of("'" + outputDir + "' exists and is not a directory; choose another path");
        }
        return Optional.empty();
    }

    /** Why {@code outputDir} is refused, or empty when it is acceptable. */
    Optional<String> refusal(Path outputDir, Path projectRoot, Path configFile) {
        Path dir = canonical(outputDir);
        if (dir.getParent() == null) {
            return Optional.of("it is the filesystem root");
        }
        if (dir.equals(canonical(home))) {
            return Optional.of("it is your home directory");
        }
        if (dir.equals(canonical(projectRoot))) {
            return Optional.of("it is the project root");
        }
        if (canonical(configFile).startsWith(dir)) {
            return Optional.of("it contains the configuration file");
        }
        return Optional.empty();
    }

    /** Absolute, normalized and, where the path exists, with symbolic links resolved. */
    private static Path canonical(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }
}
