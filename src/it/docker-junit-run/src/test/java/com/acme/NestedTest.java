package com.acme;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NestedTest {
    @Test
    void outer() {}

    @Nested
    class Inner {
        @Test
        void inner() {}
    }
}
