package com.acme;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExitTest {
    @Test
    @Order(1)
    void before() {}

    @Test
    @Order(2)
    void exits() {
        System.exit(3);
    }

    @Test
    @Order(3)
    void after() {}
}
