package dev.offload.core.run;

import dev.offload.core.framework.DiscoveredTest;
import java.util.List;
import java.util.Optional;

/**
 * The decided state of one test at the end of a run.
 *
 * @param test the discovered test
 * @param verdict the final verdict
 * @param attempts every attempt, in the order results arrived
 * @param cause for ERROR and NOT_RUN: why (e.g. {@code result file missing}, {@code cancelled by --fail-fast})
 */
public record TestOutcome(DiscoveredTest test, Verdict verdict, List<Attempt> attempts, Optional<String> cause) {
    public TestOutcome {
        attempts = List.copyOf(attempts);
    }

    /** The attempt that decided the verdict: the last one, if any. */
    public Optional<Attempt> decidingAttempt() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }
}
