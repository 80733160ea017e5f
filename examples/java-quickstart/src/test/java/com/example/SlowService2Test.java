package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Stands in for a slow integration test: Offload runs such classes in separate JVMs at the same time. */
class SlowService2Test {
    @Test
    void answers() throws InterruptedException {
        Thread.sleep(1500);
        assertEquals("pong", "pong");
    }
}
