package com.acme;

import org.junit.jupiter.api.Test;

/** Takes a while and records which JVM ran it. */
class Slow1Test {
    @Test
    void takesAWhile() throws Exception {
        Runs.recordPid(Slow1Test.class);
        Thread.sleep(1500);
        System.out.println("output of Slow1Test.takesAWhile");
    }
}
