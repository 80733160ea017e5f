package dev.offload.cli;

/** The process exit codes of {@code offload} (SPEC §5.1, §10.8). */
public final class ExitCode {
    /** Valid configuration, created file, all tests passed. */
    public static final int OK = 0;

    /** Any error: a usage mistake, an invalid configuration, a failed test, a provider failure. */
    public static final int ERROR = 1;

    /** Usage errors share {@link #ERROR}: 2 is reserved for runs whose only problem is flakiness. */
    public static final int USAGE = ERROR;

    /** A run whose only problem is flaky tests. */
    public static final int FLAKY = 2;

    private ExitCode() {}
}
