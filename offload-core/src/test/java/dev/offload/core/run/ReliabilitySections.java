package dev.offload.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one section of docs/reliability.md into the build's shared {@code target/reliability/}; offload-cli's
 * {@code ReliabilityPage} assembles the page from every section (its tests run after this module's).
 */
final class ReliabilitySections {
    static final Path DIR =
            Path.of("..", "target", "reliability").toAbsolutePath().normalize();

    private ReliabilitySections() {}

    static void write(String name, List<String> lines) throws IOException {
        Files.createDirectories(DIR);
        Files.write(DIR.resolve(name), lines);
    }
}
