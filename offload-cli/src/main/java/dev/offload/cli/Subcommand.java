package dev.offload.cli;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every {@code offload} subcommand shares: {@code -h}, the global options and the output streams. */
abstract class Subcommand {
    @Mixin
    private HelpOption help;

    @ParentCommand
    OffloadCommand root;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    GlobalOptions global() {
        return root.globalOptions();
    }

    /** Loads the {@code -c} file; warnings go to stderr. */
    Config loadConfig(boolean strict) throws ConfigException {
        return global().loadConfig(strict, err());
    }

    /** A usage error: picocli prints it with the usage and the command exits 1. */
    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
