package dev.offload.core.run;

/** Final state of a test (SPEC §10.3). */
public enum Verdict {
    PASSED,
    SKIPPED,
    FLAKY,
    FAILED,
    ERROR,
    NOT_RUN;

    /** FAILED, ERROR and NOT_RUN make a run fail (SPEC §10.8). */
    public boolean isProblem() {
        return this == FAILED || this == ERROR || this == NOT_RUN;
    }
}
