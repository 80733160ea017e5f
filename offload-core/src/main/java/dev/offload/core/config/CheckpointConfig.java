package dev.offload.core.config;

import java.util.List;

/** The {@code [checkpoint]} table (SPEC §4.11). */
public record CheckpointConfig(List<String> buildInputs) {
    public CheckpointConfig {
        buildInputs = List.copyOf(buildInputs);
    }
}
