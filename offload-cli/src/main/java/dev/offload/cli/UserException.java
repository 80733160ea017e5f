package dev.offload.cli;

/** A mistake the user can fix, detected by the CLI itself (e.g. {@code init} over an existing file). */
final class UserException extends Exception {
    UserException(String message) {
        super(message);
    }
}
