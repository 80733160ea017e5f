package dev.offload.core.framework;

/** A batch's result file is missing, empty or unparseable: an infrastructure error (SPEC §10.5). */
public final class ResultFileException extends Exception {
    public ResultFileException(String message) {
        super(message);
    }

    public ResultFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
