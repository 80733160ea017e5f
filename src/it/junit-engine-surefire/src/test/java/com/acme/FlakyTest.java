package com.acme;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fails the first time it runs in an execution (no marker yet), passes afterwards. */
class FlakyTest {
    @Test
    void settlesOnRetry() throws Exception {
        Path marker = Runs.dir("markers").resolve("flaky");
        if (!Files.exists(marker)) {
            Files.writeString(marker, "ran once");
            fail("first attempt fails");
        }
    }
}
