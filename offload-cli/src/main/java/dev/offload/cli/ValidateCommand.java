package dev.offload.cli;

import dev.offload.core.CauseChain;
import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import dev.offload.core.config.ConfigSummary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offload validate [--strict]}: load the configuration and print what it means (SPEC §5.4). */
@Command(name = "validate", description = "Check the configuration file and print the settings it results in.")
final class ValidateCommand extends Subcommand implements Callable<Integer> {
    @Option(names = "--strict", description = "Treat unknown keys as errors instead of warnings.")
    private boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        try {
            Config config = loadConfig(strict);
            out.print(withTrailingNewline(ConfigSummary.render(config)));
            return ExitCode.OK;
        } catch (ConfigException e) {
            // validate owns its failure line (SPEC §5.4) rather than the generic "error:" form.
            err.println("Configuration error: " + CauseChain.oneLine(e));
            return ExitCode.ERROR;
        }
    }

    private static String withTrailingNewline(String text) {
        return text.endsWith("\n") ? text : text + System.lineSeparator();
    }
}
