package dev.offload.cli;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import dev.offload.core.report.ProgressPrinter;
import dev.offload.core.run.Collect;
import dev.offload.core.run.RunAbortedException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code offload collect [-f text|json] [--shard i/n]}: print the discovered test ids (SPEC §5.4). */
@Command(name = "collect", description = "Discover the tests and print their ids, grouped.")
final class CollectCommand extends Subcommand implements Callable<Integer> {
    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
    private Collect.Format format;

    @Option(names = "--shard", paramLabel = "i/n", description = "Print only shard i of n.")
    private String shard;

    CollectCommand() {}

    /** Used by {@code run --collect-only}, which prints the text form. */
    CollectCommand(OffloadCommand root, CommandSpec spec) {
        this.root = root;
        this.spec = spec;
        this.format = Collect.Format.TEXT;
    }

    @Override
    public Integer call() throws ConfigException, RunAbortedException, InterruptedException {
        PrintWriter err = err();
        Config config = loadConfig(false);
        return collect(config, Optional.ofNullable(shard), format == Collect.Format.JSON);
    }

    int collect(Config config, Optional<String> shardText, boolean json)
            throws RunAbortedException, InterruptedException {
        PrintWriter out = out();
        PrintWriter err = err();
        var progress = new ProgressPrinter(err::println, line -> err.println("warning: " + line), System::nanoTime);
        Collect.Format chosen = json ? Collect.Format.JSON : Collect.Format.TEXT;
        out.print(Collect.render(config, chosen, shardText, progress));
        return ExitCode.OK;
    }
}
