package dev.offload.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.HistoryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording (SPEC §12.3): counters, reservoirs, dropped lines, and concurrent writers losing nothing. */
class HistoryRecorderTest {
    @TempDir
    Path dir;

    @Test
    void attemptsUpdateCountersAndReservoirs() throws Exception {
        HistoryConfig history = history(20);
        Path config = dir.resolve("offload.toml");
        List<RecordedAttempt> attempts =
                List.of(new RecordedAttempt("t1", false, 2.0), new RecordedAttempt("t1", true, 1.0));

        HistoryRecorder.record(
                history, config, dir.resolve("dropped.jsonl"), "AAAA", Instant.ofEpochMilli(5), attempts);
        HistoryRecorder.record(
                history, config, dir.resolve("dropped.jsonl"), "BBBB", Instant.ofEpochMilli(9), attempts.subList(1, 2));

        HistoryRecord record = HistoryFile.read(history.path(), 20).records().get(new HistoryKey("offload.toml", "t1"));
        assertThat(record.attempts()).isEqualTo(3);
        assertThat(record.failures()).isEqualTo(1);
        assertThat(record.lastRun()).isEqualTo("BBBB");
        assertThat(record.ok()).containsExactly(new Sample("AAAA", 5, 1.0), new Sample("BBBB", 9, 1.0));
        assertThat(record.fail()).containsExactly(new Sample("AAAA", 5, 2.0));
    }

    @Test
    void corruptLinesAreKeptInTheDroppedFileAndTheRestSurvives() throws Exception {
        HistoryConfig history = history(20);
        Files.writeString(
                history.path(),
                "{\"k\":[\"offload.toml\",\"old\"],\"v\":{\"n\":1,\"f\":0,\"last_run\":\"r\",\"ok\":[[\"r\",1,1.0]],\"fail\":[]}}\n"
                        + "garbage\n");
        Path dropped = dir.resolve("out/.offload/history-dropped.jsonl");

        List<String> warnings = HistoryRecorder.record(
                history,
                dir.resolve("offload.toml"),
                dropped,
                "CCCC",
                Instant.ofEpochMilli(7),
                List.of(new RecordedAttempt("new", true, 0.5)));

        assertThat(warnings)
                .containsExactly("history " + history.path() + ":2: invalid record skipped (not JSON: "
                        + warnings.get(0).substring(warnings.get(0).indexOf("not JSON: ") + 10));
        assertThat(Files.readString(dropped)).isEqualTo("garbage\n");
        assertThat(HistoryFile.read(history.path(), 20).records().keySet())
                .extracting(HistoryKey::testId)
                .containsExactly("new", "old");
    }

    @Test
    void concurrentRunsWritingTheSameFileLoseNothing() throws Exception {
        HistoryConfig history = history(20);
        int writers = 6;
        int runsEach = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit((Callable<Void>) () -> {
                for (int run = 0; run < runsEach; run++) {
                    HistoryRecorder.record(
                            history,
                            dir.resolve("offload.toml"),
                            dir.resolve("dropped.jsonl"),
                            "w" + writer + "r" + run,
                            Instant.ofEpochMilli(writer * 1000L + run),
                            List.of(
                                    new RecordedAttempt("shared", true, 1.0),
                                    new RecordedAttempt("own-" + writer + "-" + run, true, 1.0)));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        var records = HistoryFile.read(history.path(), 20).records();
        assertThat(records).hasSize(1 + writers * runsEach);
        assertThat(records.get(new HistoryKey("offload.toml", "shared")).attempts())
                .isEqualTo(writers * runsEach);
    }

    @Test
    void concurrentProcessesWritingTheSameFileLoseNothing() throws Exception {
        Path file = dir.resolve("offload-history.jsonl");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int runs = 60;
        List<Process> processes = new ArrayList<>();
        for (int writer = 0; writer < 3; writer++) {
            processes.add(new ProcessBuilder(
                            javaBin,
                            "-cp",
                            System.getProperty("java.class.path"),
                            RecorderProcess.class.getName(),
                            file.toString(),
                            String.valueOf(writer),
                            String.valueOf(runs))
                    .inheritIO()
                    .start());
        }
        for (int writer = 0; writer < 3; writer++) {
            Path ready = dir.resolve("ready-" + writer);
            for (int i = 0; i < 6000 && !Files.exists(ready); i++) {
                Thread.sleep(10);
            }
        }
        Files.createFile(dir.resolve("go"));
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }

        var records = HistoryFile.read(file, 100).records();
        assertThat(records).hasSize(1 + 3 * runs);
        assertThat(records.get(new HistoryKey("offload.toml", "shared")).attempts())
                .isEqualTo(3L * runs);
    }

    private HistoryConfig history(int reservoirSize) {
        return new HistoryConfig(
                HistoryConfig.RecordMode.ALWAYS, dir.resolve("offload-history.jsonl"), reservoirSize, 1.0);
    }
}
