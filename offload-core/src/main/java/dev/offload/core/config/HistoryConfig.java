package dev.offload.core.config;

import java.nio.file.Path;

/** The {@code [history]} table (SPEC §4.10). */
public record HistoryConfig(RecordMode recordHistory, Path path, int reservoirSize, double defaultDurationSecs) {

    public enum RecordMode {
        FLAG,
        ALWAYS
    }
}
