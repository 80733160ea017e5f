package dev.offload.junit.engine.samples;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

public class OuterSample {
    @Test
    void outer() {}

    @Nested
    class Inner {
        @Test
        void inner() {}
    }
}
