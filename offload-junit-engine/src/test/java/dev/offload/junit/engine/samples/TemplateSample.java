package dev.offload.junit.engine.samples;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class TemplateSample {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void numbers(int n) {
        assertNotEquals(2, n);
    }

    @TestFactory
    Stream<DynamicTest> factory() {
        return Stream.of(DynamicTest.dynamicTest("first", () -> {}));
    }
}
