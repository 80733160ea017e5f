package dev.offload.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What {@code plan} and the run read from the previous run's {@code summary.json} (SPEC §11.4). */
public final class PreviousSummary {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PreviousSummary() {}

    /**
     * {@code batch_overhead_secs}, when the previous summary exists and holds a non-negative number; a missing,
     * unreadable or older summary gives empty (the caller falls back to the provider default).
     */
    public static Optional<Double> batchOverheadSecs(Path summaryJson) {
        if (!Files.isRegularFile(summaryJson)) {
            return Optional.empty();
        }
        try {
            JsonNode value = MAPPER.readTree(summaryJson.toFile()).path("batch_overhead_secs");
            return value.isNumber() && value.asDouble() >= 0 && Double.isFinite(value.asDouble())
                    ? Optional.of(value.asDouble())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
