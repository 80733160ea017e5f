package com.acme;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void notTwo(int value) {
        assertNotEquals(2, value);
    }

    @TestFactory
    Stream<DynamicTest> dynamic() {
        return Stream.of(DynamicTest.dynamicTest("a", () -> {}), DynamicTest.dynamicTest("b", () -> {}));
    }
}
