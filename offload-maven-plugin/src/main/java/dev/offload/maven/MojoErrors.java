package dev.offload.maven;

import dev.offload.core.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The one place where offload-core exceptions become Maven exceptions (SPEC §6.3): the first line says what
 * happened (the whole cause chain, no stack trace), the second what to do.
 */
final class MojoErrors {
    private MojoErrors() {}

    static MojoExecutionException configuration(ConfigException error, String hint) {
        return new MojoExecutionException(withHint(oneLine(error), hint), error);
    }

    static MojoExecutionException missingConfig(Path path) {
        return new MojoExecutionException(withHint(
                "Offload configuration file " + path + " does not exist.",
                "Create it with 'mvn offload:init', or set the offload.config property to the file to use."));
    }

    static String withHint(String message, String hint) {
        return message + System.lineSeparator() + hint;
    }

    /**
     * The messages of the exception and its causes joined with {@code ": "}; a cause whose message the previous one
     * already contains is left out, since core code often wraps as {@code "...: " + cause.getMessage()}.
     */
    static String oneLine(Throwable error) {
        List<String> messages = new ArrayList<>();
        String previous = "";
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (!previous.contains(message)) {
                messages.add(message);
            }
            previous = message;
        }
        return String.join(": ", messages);
    }
}
