package dev.offload.core.framework;

import java.nio.file.Path;

/**
 * Discover one group's tests.
 *
 * @param group group name, for messages
 * @param filters the group's raw {@code filters} string
 * @param directory local discovery directory (config directory or the framework's {@code working_dir})
 * @param tempDir run temp directory, for files the discovery command writes
 */
public record DiscoveryRequest(String group, String filters, Path directory, Path tempDir) {}
