package dev.offload.cli;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import dev.offload.core.image.ImageException;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.provider.SandboxImages;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offload build [--no-cache]}: prepare the sandbox image and print its id (SPEC §5.4, §13). */
@Command(name = "build", description = "Build the sandbox image (using the git-notes image cache) and print its id.")
final class BuildCommand extends Subcommand implements Callable<Integer> {
    @Option(names = "--no-cache", description = "Neither read nor write the git-notes image cache.")
    private boolean noCache;

    @Override
    public Integer call() throws ConfigException, ImageException, InterruptedException {
        PrintWriter out = out();
        PrintWriter err = err();
        Config config = loadConfig(false);
        Optional<String> image = SandboxImages.prepare(
                config,
                new ImageOptions(noCache, Optional.empty(), List.of()),
                line -> println(err, line),
                line -> println(err, "warning: " + line));
        if (image.isEmpty()) {
            out.println("Provider '" + config.provider().type() + "' does not build images. Nothing to do.");
        } else {
            out.println(image.get());
        }
        return ExitCode.OK;
    }

    private static void println(PrintWriter writer, String line) {
        synchronized (writer) {
            writer.println(line);
            writer.flush();
        }
    }
}
