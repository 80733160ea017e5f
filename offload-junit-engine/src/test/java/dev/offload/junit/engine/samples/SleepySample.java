package dev.offload.junit.engine.samples;

import org.junit.jupiter.api.Test;

public class SleepySample {
    @Test
    void sleepsLong() throws InterruptedException {
        Thread.sleep(60_000);
    }
}
