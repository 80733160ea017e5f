package dev.offload.cli;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import dev.offload.core.report.ProgressPrinter;
import dev.offload.core.run.Plan;
import dev.offload.core.run.RunAbortedException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code offload plan [--parallel N,M,…] [--show-estimated-cost]} (SPEC §5.4): predicted wall time per sandbox count,
 * from the estimates a run would use. Discovers tests but never creates a sandbox.
 */
@Command(name = "plan", description = "Predict the wall time (and cost) for several sandbox counts; runs nothing.")
final class PlanCommand extends Subcommand implements Callable<Integer> {
    @Option(
            names = {"-p", "--parallel"},
            paramLabel = "N,M,...",
            split = ",",
            description = "Sandbox counts to predict (default: 1, max_parallel, 2x and 4x it).")
    private List<Integer> parallel = new ArrayList<>();

    @Option(names = "--show-estimated-cost", description = "Add the estimated cost to each line.")
    private boolean showEstimatedCost;

    @Override
    public Integer call() throws ConfigException, RunAbortedException, InterruptedException {
        for (int n : parallel) {
            if (n < 1) {
                throw usageError("--parallel values must be at least 1, got " + n);
            }
        }
        PrintWriter err = err();
        Config config = loadConfig(false);
        var progress = new ProgressPrinter(err::println, line -> err.println("warning: " + line), System::nanoTime);
        out().print(Plan.render(config, parallel, showEstimatedCost, progress));
        return ExitCode.OK;
    }
}
