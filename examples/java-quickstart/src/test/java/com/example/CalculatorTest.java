package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalculatorTest {
    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }

    @ParameterizedTest
    @CsvSource({"6, 3, 2", "9, 3, 3", "8, 2, 4"})
    void divides(int dividend, int divisor, int quotient) {
        assertEquals(quotient, dividend / divisor);
    }

    @Nested
    class Subtraction {
        @Test
        void subtracts() {
            assertEquals(1, 3 - 2);
        }
    }
}
