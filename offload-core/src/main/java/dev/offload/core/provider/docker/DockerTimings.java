package dev.offload.core.provider.docker;

import java.time.Duration;

/**
 * Signal delays of the docker provider: SIGINT → SIGTERM for a timed-out batch (SPEC §10.6), SIGTERM → SIGKILL for a
 * stopped one (§8.8).
 */
record DockerTimings(Duration interruptGrace, Duration killGrace) {
    static final DockerTimings DEFAULT = new DockerTimings(Duration.ofSeconds(3), Duration.ofSeconds(5));
}
