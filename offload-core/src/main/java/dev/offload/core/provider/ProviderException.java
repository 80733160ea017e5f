package dev.offload.core.provider;

/** A provider operation failed: the message names the sandbox (or slot) and the step (SPEC Style "Errors"). */
public final class ProviderException extends Exception {
    private final boolean retryable;

    public ProviderException(String message) {
        this(message, null, true);
    }

    public ProviderException(String message, Throwable cause) {
        this(message, cause, true);
    }

    private ProviderException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /**
     * A definite answer that another attempt cannot change, such as a file the batch never wrote on a filesystem the
     * provider reads directly: not retried (SPEC §8.3 retries transient failures).
     */
    public static ProviderException permanent(String message) {
        return new ProviderException(message, null, false);
    }

    public boolean retryable() {
        return retryable;
    }
}
