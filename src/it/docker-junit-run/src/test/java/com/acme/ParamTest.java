package com.acme;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void notTwo(int value) {
        assertNotEquals(2, value, "two is not allowed");
    }
}
