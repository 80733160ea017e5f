package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BeforeAllTest {
    static String prepared;

    @BeforeAll
    static void prepare() {
        prepared = "ready";
    }

    @Test
    void seesPreparedState() {
        assertEquals("ready", prepared);
    }

    @Test
    void seesItAgain() {
        assertEquals("ready", prepared);
    }
}
