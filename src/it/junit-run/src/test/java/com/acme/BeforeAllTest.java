package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BeforeAllTest {
    static int setups;

    @BeforeAll
    static void setUp() {
        setups++;
    }

    @Test
    void first() {
        assertEquals(1, setups);
    }

    @Test
    void second() {
        assertEquals(1, setups);
    }
}
