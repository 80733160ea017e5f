package dev.offload.core.history;

import dev.offload.core.config.HistoryConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A separate JVM recording into one history file, for {@link HistoryRecorderTest}: the {@code FileLock} must exclude
 * other processes, which threads of one JVM cannot show. Arguments: history file, writer number, runs. It signals
 * {@code ready-<writer>} beside the file and starts when {@code go} appears.
 */
public final class RecorderProcess {
    private RecorderProcess() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int writer = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        var history = new HistoryConfig(HistoryConfig.RecordMode.ALWAYS, file, 100, 1.0);
        // Start together, so the writes overlap instead of following the JVMs' staggered start-up.
        java.nio.file.Files.createFile(file.resolveSibling("ready-" + writer));
        Path go = file.resolveSibling("go");
        for (int i = 0; i < 6000 && !java.nio.file.Files.exists(go); i++) {
            Thread.sleep(10);
        }
        for (int run = 0; run < runs; run++) {
            HistoryRecorder.record(
                    history,
                    file.resolveSibling("offload.toml"),
                    file.resolveSibling("dropped-" + writer + ".jsonl"),
                    "p" + writer + "r" + run,
                    Instant.ofEpochMilli(1_000_000L * writer + run),
                    List.of(
                            new RecordedAttempt("shared", true, 1.0),
                            new RecordedAttempt("own-" + writer + "-" + run, true, 1.0)));
        }
    }
}
