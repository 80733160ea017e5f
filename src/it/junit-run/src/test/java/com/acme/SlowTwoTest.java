package com.acme;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SlowTwoTest {
    @Test
    void takesTime() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "pids"));
        Files.writeString(dir.resolve("SlowTwoTest"), Long.toString(ProcessHandle.current().pid()));
        Thread.sleep(1500);
    }
}
