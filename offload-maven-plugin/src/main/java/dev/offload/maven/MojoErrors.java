package dev.offload.maven;

import dev.offload.core.CauseChain;
import dev.offload.core.config.ConfigException;
import dev.offload.core.run.RunAbortedException;
import java.nio.file.Path;
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

    static String oneLine(Throwable error) {
        return CauseChain.oneLine(error);
    }

    /** A run that stopped before its tests ran: its cause chain, then what to do. */
    static MojoExecutionException aborted(RunAbortedException error) {
        return new MojoExecutionException(withHint(oneLine(error), error.hint()), error);
    }
}
