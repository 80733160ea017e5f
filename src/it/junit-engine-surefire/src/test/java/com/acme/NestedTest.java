package com.acme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NestedTest {
    @Test
    void outer() {
        assertTrue(true);
    }

    @Nested
    class Inner {
        @Test
        void inner() {
            System.out.println("output of NestedTest.Inner.inner");
        }
    }
}
