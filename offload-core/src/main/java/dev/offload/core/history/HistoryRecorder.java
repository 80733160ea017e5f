package dev.offload.core.history;

import dev.offload.core.config.HistoryConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Records a finished run's attempts into the history file (SPEC §12.3). Under the {@link HistoryLock} it re-reads the
 * file, so attempts another run recorded meanwhile are kept, keeps every skipped line in {@code history-dropped.jsonl},
 * adds this run's attempts and rewrites the file sorted and atomically.
 */
public final class HistoryRecorder {
    private HistoryRecorder() {}

    /**
     * @param configFile the config path; its file name is the key's config part
     * @param droppedFile {@code {output_dir}/.offload/history-dropped.jsonl}
     * @param timestamp one timestamp for the whole run
     * @return the warnings about skipped lines (already kept in {@code droppedFile})
     */
    public static List<String> record(
            HistoryConfig history,
            Path configFile,
            Path droppedFile,
            String runId,
            Instant timestamp,
            List<RecordedAttempt> attempts)
            throws IOException {
        String config = HistoryEstimates.configName(configFile);
        try (HistoryLock lock = HistoryLock.acquire(history.path())) {
            HistoryFile.Content content = HistoryFile.read(history.path(), history.reservoirSize());
            HistoryFile.appendDropped(droppedFile, content.dropped());
            SortedMap<HistoryKey, HistoryRecord> records = new TreeMap<>(content.records());
            for (RecordedAttempt attempt : attempts) {
                var sample = new Sample(runId, timestamp.toEpochMilli(), attempt.secs());
                records.merge(
                        new HistoryKey(config, attempt.testId()),
                        HistoryRecord.empty().plus(attempt.passed(), sample, history.reservoirSize()),
                        (old, added) -> old.plus(attempt.passed(), sample, history.reservoirSize()));
            }
            HistoryFile.write(history.path(), records);
            return content.dropped().stream().map(HistoryFile.Dropped::warning).toList();
        }
    }
}
