package dev.offload.junit.engine.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("plain")
public class PlainSample {
    @Test
    void passes() {
        System.out.println("out of passes");
    }

    @Test
    @Tag("slow")
    @DisplayName("a named test")
    void named() {}

    @Test
    void fails() {
        System.err.println("err of fails");
        assertEquals(1, 2, "one is not two");
    }

    @Test
    @Disabled("not today")
    void disabled() {}
}
