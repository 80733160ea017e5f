package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PassingTest {
    @Test
    void adds() {
        System.out.println("adding numbers");
        assertEquals(4, 2 + 2);
    }

    @Test
    void multiplies() {
        assertEquals(6, 2 * 3);
    }
}
