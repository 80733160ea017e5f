package dev.offload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.run.BatchRecord.BatchOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchLogTest {

    @TempDir
    Path dir;

    @Test
    void linesAreVisibleWhileRunningAndFilesGetTheOutcomeSuffix() throws Exception {
        Path logs = dir.resolve("logs");
        BatchLog log = BatchLog.open(logs, 7);
        log.stdout("collected 2 items");
        log.stderr("warning: x");

        assertThat(logs.resolve("batch-7.stdout")).hasContent("collected 2 items");
        assertThat(logs.resolve("batch-7.stderr")).hasContent("warning: x");

        Path renamed = log.close(BatchOutcome.FAILURE);
        log.stdout("late line is ignored");

        assertThat(renamed).isEqualTo(logs.resolve("batch-7.stdout.failure"));
        assertThat(logs.resolve("batch-7.stdout.failure")).hasContent("collected 2 items");
        assertThat(logs.resolve("batch-7.stderr.failure")).hasContent("warning: x");
        assertThat(logs.resolve("batch-7.stdout")).doesNotExist();
    }

    @Test
    void concurrentWritersNeverInterleaveWithinALine() throws Exception {
        BatchLog log = BatchLog.open(dir, 0);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(
                    new Thread(() -> IntStream.range(0, 500).forEach(i -> log.stdout("thread-" + id + "-line-" + i))));
            threads.get(threads.size() - 1).start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        log.close(BatchOutcome.SUCCESS);

        List<String> lines = Files.readAllLines(dir.resolve("batch-0.stdout.success"));
        assertThat(lines).hasSize(2000).allMatch(l -> l.matches("thread-\\d-line-\\d+"));
    }
}
