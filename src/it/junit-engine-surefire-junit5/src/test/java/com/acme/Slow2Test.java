package com.acme;

import org.junit.jupiter.api.Test;

/** Takes a while and records which JVM ran it. */
class Slow2Test {
    @Test
    void takesAWhile() throws Exception {
        Runs.recordPid(Slow2Test.class);
        Thread.sleep(1500);
        System.out.println("output of Slow2Test.takesAWhile");
    }
}
