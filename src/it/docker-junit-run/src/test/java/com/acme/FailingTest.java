package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailingTest {
    @Test
    void subtracts() {
        assertEquals(1, 3 - 1, "subtraction is broken");
    }
}
