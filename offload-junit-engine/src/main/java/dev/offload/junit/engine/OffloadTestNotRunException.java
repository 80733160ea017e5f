package dev.offload.junit.engine;

/** A test ended NOT_RUN (SPEC §7.4, §16.4): cancelled, interrupted or never reported; the message says why. */
public final class OffloadTestNotRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OffloadTestNotRunException(String message) {
        super(message, null, false, false);
    }
}
