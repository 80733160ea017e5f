package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fails on its first attempt in each Offload run and passes on the retry (a marker file per run id remembers):
 * Offload reports it flaky.
 */
class FlakyCacheTest {
    @Test
    void eventuallyConsistentCache() throws IOException {
        String run = System.getenv().getOrDefault("OFFLOAD_RUN_ID", "plain");
        Path marker = Path.of("target", "flaky-cache-" + run + ".marker");
        boolean firstAttempt = !Files.exists(marker);
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "seen");
        assertTrue(!firstAttempt, "cache not warm yet (passes on the retry)");
    }
}
