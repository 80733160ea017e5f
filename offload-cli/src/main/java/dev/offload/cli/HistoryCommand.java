package dev.offload.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code offload history merge|setup-merge-driver} (SPEC §12.7, §12.8). */
@Command(
        name = "history",
        description = "Merge history files and configure the git merge driver.",
        subcommands = {HistoryMergeCommand.class, SetupMergeDriverCommand.class})
final class HistoryCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    OffloadCommand root;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: merge or setup-merge-driver");
    }
}
