package dev.offload.core.provider;

/** A provider operation failed: the message names the sandbox (or slot) and the step (SPEC Style "Errors"). */
public final class ProviderException extends Exception {
    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
