package dev.offload.core.run;

import dev.offload.core.framework.TestCaseResult;
import java.util.Optional;

/**
 * One execution of one test that produced a result (SPEC §2). Infrastructure errors and discarded hedge copies are
 * never attempts.
 *
 * @param batch the batch number N
 * @param sandbox the sandbox slot
 * @param status passed, failed or skipped
 * @param secs duration of this attempt
 * @param failure the failure or error element, when failed (a timeout is type {@code offload.Timeout})
 * @param systemOut per-testcase stdout (cut at 1 MiB by the report writer)
 * @param systemErr per-testcase stderr
 */
public record Attempt(
        int batch,
        int sandbox,
        TestCaseResult.Status status,
        double secs,
        Optional<TestCaseResult.Failure> failure,
        String systemOut,
        String systemErr) {

    public boolean failed() {
        return status == TestCaseResult.Status.FAILED;
    }
}
