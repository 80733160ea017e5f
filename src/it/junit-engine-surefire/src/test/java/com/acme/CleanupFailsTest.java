package com.acme;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Its tests pass, then its @AfterAll fails: Surefire reports one more test, an error of the class. */
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
