package dev.offload.cli;

import dev.offload.core.config.ConfigException;
import dev.offload.core.git.GitException;
import dev.offload.core.image.CheckpointStatus;
import dev.offload.core.image.ImageException;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offload checkpoint-status [--remote NAME]}: what the next run's image step would do (SPEC §13.3). */
@Command(
        name = "checkpoint-status",
        description = "Show the base commit, the cached image and the next run's image mode.")
final class CheckpointStatusCommand extends Subcommand implements Callable<Integer> {
    @Option(
            names = "--remote",
            paramLabel = "NAME",
            defaultValue = "origin",
            description = "Remote of the image cache (default: ${DEFAULT-VALUE}).")
    private String remote;

    @Override
    public Integer call() throws ConfigException, ImageException, GitException, IOException {
        var err = err();
        out().print(CheckpointStatus.render(loadConfig(false), remote, line -> err.println("warning: " + line)));
        return ExitCode.OK;
    }
}
