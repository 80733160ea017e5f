package dev.offload.core.report;

import dev.offload.core.run.BatchRecord;
import java.io.IOException;
import java.nio.file.Path;

public final class BatchLog {
    public static BatchLog open(Path logsDir, int number) throws IOException {
        throw new UnsupportedOperationException();
    }

    public void stdout(String line) {}

    public void stderr(String line) {}

    public void close(BatchRecord.BatchOutcome outcome) {}
}
