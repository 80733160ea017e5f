package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContainerTest {
    /** Proves where the batch JVM ran: inside a container, with OFFLOAD_ROOT as the working directory. */
    @Test
    void runsInAContainer() {
        assertTrue(Files.exists(Path.of("/.dockerenv")), "not in a docker container");
        assertEquals("/app", System.getenv("OFFLOAD_ROOT"));
        assertEquals(Path.of("/app"), Path.of("").toAbsolutePath());
    }

    /** target/test-classes reached the container packed as a jar: its resources still load. */
    @Test
    void readsATestResource() throws Exception {
        try (InputStream in = ContainerTest.class.getResourceAsStream("greeting.txt")) {
            assertEquals("hello from the class path", new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
