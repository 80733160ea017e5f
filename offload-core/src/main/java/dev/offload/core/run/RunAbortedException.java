package dev.offload.core.run;

/**
 * The run stopped before tests could run (configuration, discovery, provider setup): outcome {@code error}, exit 1
 * (SPEC §10.8). The message is the user-facing cause; {@link #hint()} says what to do.
 */
public final class RunAbortedException extends Exception {
    private final String hint;

    public RunAbortedException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
