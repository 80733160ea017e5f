package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class FailingTest {
    @Test
    void assertionFails() {
        System.out.println("before the failure");
        assertEquals(2, 1 + 2, "arithmetic");
    }

    @Test
    void throwsException() {
        throw new IllegalStateException("boom");
    }

    @Test
    @Disabled("not today")
    void disabled() {}
}
