package dev.offload.core.run;

import dev.offload.core.framework.TestCaseResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What running one batch produced.
 *
 * @param results resolved results by test id; on an infrastructure error only the results streamed before it (SPEC
 *     §10.5). Includes tests registered at run time under a batch id ({@code dynamicParents})
 * @param infrastructureError why the batch produced no usable result, if so
 * @param timedOut the batch exceeded {@code test_timeout_secs}
 * @param stopped the batch was stopped on purpose (hedge win, fail-fast, interruption)
 * @param logStdout the batch's stdout, kept only for single-test batches (used as the attempt's output)
 * @param logStderr the batch's stderr, likewise
 * @param dynamicParents for each result id that is not a batch id: the batch id it was registered under
 * @param unlistedSkips skipped tests discovery could not list, each with the batch id whose group it joins (SPEC §7.2)
 */
record BatchReport(
        Map<String, TestCaseResult> results,
        Optional<String> infrastructureError,
        boolean timedOut,
        boolean stopped,
        String logStdout,
        String logStderr,
        Map<String, String> dynamicParents,
        Map<String, String> unlistedSkips) {

    BatchReport {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results)); // keeps the runner's order
        dynamicParents = Collections.unmodifiableMap(new LinkedHashMap<>(dynamicParents));
        unlistedSkips = Collections.unmodifiableMap(new LinkedHashMap<>(unlistedSkips));
    }

    BatchReport(
            Map<String, TestCaseResult> results,
            Optional<String> infrastructureError,
            boolean timedOut,
            boolean stopped,
            String logStdout,
            String logStderr,
            Map<String, String> dynamicParents) {
        this(results, infrastructureError, timedOut, stopped, logStdout, logStderr, dynamicParents, Map.of());
    }

    static BatchReport infrastructureError(String cause, String stdout, String stderr) {
        return new BatchReport(Map.of(), Optional.of(cause), false, false, stdout, stderr, Map.of());
    }

    /** This report with the results a runner streamed before the batch failed (SPEC §7.1, §10.5). */
    BatchReport withStreamed(BatchResults streamed) {
        return new BatchReport(
                streamed.results(),
                infrastructureError,
                timedOut,
                stopped,
                logStdout,
                logStderr,
                streamed.dynamicParents());
    }
}
