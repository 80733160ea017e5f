package dev.offload.junit.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Run once by the warm-up JVM that writes the class-data-sharing archive, so that the archive holds the classes a real
 * batch loads: Jupiter's discovery and execution, lifecycle methods, assertions, output capture and the result writer.
 * Its name does not end in {@code Test}, so Surefire never picks it up.
 */
public class CdsWarmup {
    private int value;

    @BeforeEach
    void prepare() {
        value = 2;
    }

    @Test
    void warmsUp() {
        System.out.println("offload class-data sharing warm-up");
        assertEquals(4, value * value);
        assertThrows(IllegalStateException.class, () -> {
            throw new IllegalStateException("expected");
        });
    }

    @AfterAll
    static void done() {
        System.err.println("offload warm-up done");
    }
}
