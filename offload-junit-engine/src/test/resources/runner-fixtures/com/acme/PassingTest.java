package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class PassingTest {
    static int setups;

    @BeforeAll
    static void setUp() {
        setups++;
    }

    @Test
    @Tag("fast")
    void printsToStdout() {
        System.out.println("hello from printsToStdout");
        assertEquals(1, setups);
    }

    @Test
    void printsToStderr() {
        System.err.println("warning from printsToStderr");
        assertEquals(1, setups);
    }
}
