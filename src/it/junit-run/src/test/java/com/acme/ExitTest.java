package com.acme;

import org.junit.jupiter.api.Test;

class ExitTest {
    /** Kills its JVM: an infrastructure error, never a lost verdict. */
    @Test
    void exits() {
        System.exit(7);
    }
}
