package dev.offload.core.framework;

/**
 * Discovery failed (SPEC §7.1). The message names the group, the program and its exit status; the detail carries the
 * command line and the trimmed stderr (or stdout) tail.
 */
public final class DiscoveryException extends Exception {
    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
