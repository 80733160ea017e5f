package com.acme;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class DisabledTest {
    @Test
    @Disabled("not this time")
    void skipped() {}

    @Test
    void runs() {}
}
