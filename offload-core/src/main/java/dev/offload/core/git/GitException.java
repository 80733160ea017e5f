package dev.offload.core.git;

/** A git command failed; the message names the command and git's own error. */
public final class GitException extends Exception {
    public GitException(String message) {
        super(message);
    }
}
