package dev.offload.core.git;

/** A patch cannot be parsed or applied; the message names the file and what did not match (SPEC §13.7). */
public final class PatchException extends Exception {
    public PatchException(String message) {
        super(message);
    }
}
