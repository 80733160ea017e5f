package dev.offload.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root {@code offload} command: global options and the list of subcommands (SPEC §5.1). */
@Command(
        name = "offload",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = "Runs a project's tests in parallel sandboxes, retrying failures and reporting flaky tests.",
        subcommands = {
            RunCommand.class,
            CollectCommand.class,
            LogsCommand.class,
            ValidateCommand.class,
            InitCommand.class,
            BuildCommand.class,
            CheckpointStatusCommand.class,
            ApplyDiffCommand.class,
            PlanCommand.class,
            HistoryCommand.class,
            HelpCommand.class
        })
public final class OffloadCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Mixin
    private GlobalOptions globalOptions;

    /** The options given before (or after) the subcommand name. */
    public GlobalOptions globalOptions() {
        return globalOptions;
    }

    @Override
    public void run() {
        // Reached only without a subcommand: a usage error, so picocli prints the usage and exits 1.
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
