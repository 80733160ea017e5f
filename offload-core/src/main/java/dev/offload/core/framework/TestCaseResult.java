package dev.offload.core.framework;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <testcase>} as the runner reported it, before resolution to a batch id (SPEC §7.1, §10.2).
 *
 * @param name the {@code name} attribute
 * @param classname the {@code classname} attribute, empty when absent
 * @param timeSecs the {@code time} attribute, 0 when absent
 * @param status what the testcase says happened
 * @param failure the first {@code <failure>} or {@code <error>} child, when failed
 * @param systemOut {@code <system-out>} text, empty when absent
 * @param systemErr {@code <system-err>} text, empty when absent
 */
public record TestCaseResult(
        String name,
        String classname,
        double timeSecs,
        Status status,
        Optional<Failure> failure,
        String systemOut,
        String systemErr) {

    public TestCaseResult {
        Objects.requireNonNull(name);
        Objects.requireNonNull(classname);
        Objects.requireNonNull(status);
        Objects.requireNonNull(failure);
        Objects.requireNonNull(systemOut);
        Objects.requireNonNull(systemErr);
    }

    public enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }

    /**
     * A {@code <failure>} or {@code <error>} element.
     *
     * @param error true for {@code <error>}, false for {@code <failure>}
     */
    public record Failure(boolean error, String type, String message, String body) {}
}
