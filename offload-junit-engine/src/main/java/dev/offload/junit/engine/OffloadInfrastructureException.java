package dev.offload.junit.engine;

/**
 * A test ended ERROR (SPEC §10.3, §16.4): its sandbox, JVM or result file failed, repeatedly; the message is the cause
 * Offload recorded. Not the test's own failure.
 */
public final class OffloadInfrastructureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OffloadInfrastructureException(String message) {
        super(message, null, false, false);
    }
}
