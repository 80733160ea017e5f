package dev.offload.core.report;

import dev.offload.core.run.BatchRecord;
import dev.offload.core.run.RunResult;
import java.util.Comparator;
import java.util.List;

/** The five longest batches, shown by the final summary and stored in summary.json. */
final class SlowestBatches {

    static final int LIMIT = 5;

    private SlowestBatches() {}

    static List<BatchRecord> of(RunResult result) {
        return result.batches().stream()
                .sorted(Comparator.comparingDouble(BatchRecord::secs).reversed().thenComparingInt(BatchRecord::number))
                .limit(LIMIT)
                .toList();
    }
}
