package dev.offload.core.image;

/** Image preparation failed (SPEC §13); the message names the step. */
public final class ImageException extends Exception {
    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
