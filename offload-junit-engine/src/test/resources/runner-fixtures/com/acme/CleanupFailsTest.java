package com.acme;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class CleanupFailsTest {
    @Test
    void first() {}

    @Test
    void second() {}

    @AfterAll
    static void cleanUp() {
        throw new IllegalStateException("cleanup failed");
    }
}
