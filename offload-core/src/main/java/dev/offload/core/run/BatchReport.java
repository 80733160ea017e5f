package dev.offload.core.run;

import dev.offload.core.framework.TestCaseResult;
import java.util.Map;
import java.util.Optional;

/**
 * What running one batch produced.
 *
 * @param results resolved results by test id (empty on an infrastructure error)
 * @param infrastructureError why the batch produced no usable result, if so
 * @param timedOut the batch exceeded {@code test_timeout_secs}
 * @param stopped the batch was stopped on purpose (hedge win, fail-fast, interruption)
 * @param logStdout the batch's stdout, kept only for single-test batches (used as the attempt's output)
 * @param logStderr the batch's stderr, likewise
 */
record BatchReport(
        Map<String, TestCaseResult> results,
        Optional<String> infrastructureError,
        boolean timedOut,
        boolean stopped,
        String logStdout,
        String logStderr) {

    BatchReport {
        results = Map.copyOf(results);
    }

    static BatchReport infrastructureError(String cause, String stdout, String stderr) {
        return new BatchReport(Map.of(), Optional.of(cause), false, false, stdout, stderr);
    }
}
