package com.acme;

import org.junit.jupiter.api.Test;

/** Takes a while and records which JVM ran it. */
class Slow4Test {
    @Test
    void takesAWhile() throws Exception {
        Runs.recordPid(Slow4Test.class);
        Thread.sleep(1500);
        System.out.println("output of Slow4Test.takesAWhile");
    }
}
