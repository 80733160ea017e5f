package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PassingTest {
    @Test
    void addsUp() {
        System.out.println("output of PassingTest.addsUp");
        assertEquals(4, 2 + 2);
    }

    @Test
    void concatenates() {
        System.out.println("output of PassingTest.concatenates");
        assertEquals("ab", "a" + "b");
    }
}
