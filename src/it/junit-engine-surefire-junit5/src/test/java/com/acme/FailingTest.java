package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailingTest {
    @Test
    void comparesWrongly() {
        System.err.println("stderr of FailingTest.comparesWrongly");
        assertEquals(3, 1 + 1, "one and one");
    }

    @Test
    void passesBeside() {
        System.out.println("output of FailingTest.passesBeside");
    }
}
