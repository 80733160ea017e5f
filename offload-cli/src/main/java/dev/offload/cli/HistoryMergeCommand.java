package dev.offload.cli;

import dev.offload.core.history.HistoryMergeDriver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code offload history merge <base> <ours> <theirs>}: the git merge driver (SPEC §12.7). Writes the merge into
 * {@code ours}; exit 1 only when ours or theirs cannot be read.
 */
@Command(name = "merge", description = "Merge two history files with their common ancestor into <ours> (git %O %A %B).")
final class HistoryMergeCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<base>", description = "Common ancestor (may be missing).")
    private Path base;

    @Parameters(index = "1", paramLabel = "<ours>", description = "Our version; receives the result.")
    private Path ours;

    @Parameters(index = "2", paramLabel = "<theirs>", description = "Their version.")
    private Path theirs;

    @Option(
            names = "--reservoir-size",
            paramLabel = "N",
            defaultValue = "20",
            description = "Samples kept per outcome per test (default: ${DEFAULT-VALUE}).")
    private int reservoirSize;

    @Override
    public Integer call() throws UserException {
        if (reservoirSize < 1) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--reservoir-size must be at least 1, got " + reservoirSize);
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            HistoryMergeDriver.merge(base, ours, theirs, reservoirSize, line -> err.println("warning: " + line));
        } catch (IOException e) {
            throw new UserException("history merge failed: " + e.getMessage());
        }
        err.flush();
        return ExitCode.OK;
    }
}
