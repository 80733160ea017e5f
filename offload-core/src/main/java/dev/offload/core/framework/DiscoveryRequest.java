package dev.offload.core.framework;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Discover one group's tests.
 *
 * @param group group name, for messages
 * @param filters the group's raw {@code filters} string
 * @param directory local discovery directory (config directory or the framework's {@code working_dir})
 * @param tempDir run temp directory, for files the discovery command writes
 * @param timeout how long the discovery may run ({@code test_timeout_secs}, SPEC §7.1)
 */
public record DiscoveryRequest(String group, String filters, Path directory, Path tempDir, Duration timeout) {
    /** The SPEC's default {@code test_timeout_secs}, 900 s. */
    public DiscoveryRequest(String group, String filters, Path directory, Path tempDir) {
        this(group, filters, directory, tempDir, Duration.ofSeconds(900));
    }
}
