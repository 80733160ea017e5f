package com.acme;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlakyTest {
    /**
     * Fails the first time (no marker yet), passes on the retry. The retry may run in the other container, so the
     * marker lives in a directory every container mounts (SHARED_DIR, see offload.toml).
     */
    @Test
    void settlesOnRetry() throws Exception {
        Path marker = Path.of(System.getenv().getOrDefault("SHARED_DIR", "target"), "flaky.marker");
        if (!Files.exists(marker)) {
            Files.createFile(marker);
            fail("first attempt fails");
        }
    }
}
