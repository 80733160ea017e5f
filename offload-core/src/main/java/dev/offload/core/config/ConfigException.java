package dev.offload.core.config;

/**
 * A user mistake in the configuration. The message is one line that already names the file and,
 * where the problem is tied to a value, its line and column: {@code offload.toml:12:5: groups.unit.retry_count:
 * expected integer, found string}. Front doors print it as is, never with a stack trace.
 */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
