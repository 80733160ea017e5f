package dev.offload.cli;

import dev.offload.core.git.PatchApplier;
import dev.offload.core.git.PatchException;
import dev.offload.core.git.PatchParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code offload apply-diff <patch_file> [--project-root DIR]}: apply a git patch, binary hunks included, exactly (SPEC
 * §13.7). Runs inside sandboxes, so it needs no config file.
 */
@Command(name = "apply-diff", description = "Apply a git patch (git diff --binary output) exactly, without fuzz.")
final class ApplyDiffCommand extends Subcommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATCH_FILE", description = "The patch to apply.")
    private Path patchFile;

    @Option(
            names = "--project-root",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Directory the patch's paths are relative to (default: ${DEFAULT-VALUE}).")
    private Path projectRoot;

    @Override
    public Integer call() throws UserException, PatchException, IOException {
        byte[] patch;
        try {
            patch = Files.readAllBytes(patchFile);
        } catch (NoSuchFileException e) {
            throw new UserException("patch file " + patchFile + " does not exist");
        }
        if (!Files.isDirectory(projectRoot)) {
            throw new UserException("--project-root " + projectRoot + " is not a directory");
        }
        new PatchApplier(projectRoot).apply(PatchParser.parse(patch));
        return ExitCode.OK;
    }
}
