package dev.offload.cli;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.report.FinalSummary;
import dev.offload.core.report.ProgressPrinter;
import dev.offload.core.report.ReportLocation;
import dev.offload.core.report.TerminalProgress;
import dev.offload.core.run.OffloadRun;
import dev.offload.core.run.RunAbortedException;
import dev.offload.core.run.RunObserver;
import dev.offload.core.run.RunOptions;
import dev.offload.core.run.RunResult;
import dev.offload.core.trace.TraceRecorder;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offload run}: discover, fan out, retry, report (SPEC §5.2, §5.3). Exit 0 pass, 1 fail, 2 flaky only. */
@Command(name = "run", description = "Run the tests in parallel sandboxes and write the merged report.")
final class RunCommand extends Subcommand implements Callable<Integer> {
    @Option(
            names = {"-p", "--parallel"},
            paramLabel = "N",
            description = "Override max_parallel.")
    private Integer parallel;

    @Option(names = "--collect-only", description = "Discover and print like 'collect'; start no sandbox.")
    private boolean collectOnly;

    @Option(names = "--copy-dir", paramLabel = "LOCAL:REMOTE", description = "Extra copy dir (repeatable).")
    private List<String> copyDirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Batch environment (repeatable).")
    private List<String> env = new ArrayList<>();

    @Option(names = "--fail-fast", description = "Stop at the first test that fails for good.")
    private boolean failFast;

    @Option(names = "--show-estimated-cost", description = "Print the estimated sandbox cost.")
    private boolean showEstimatedCost;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only shard i of n.")
    private String shard;

    @Option(names = "--fail-on-flaky", description = "Exit 1 instead of 2 when the only problem is flakiness.")
    private boolean failOnFlaky;

    @Option(names = "--no-cache", description = "Neither read nor write the git-notes image cache.")
    private boolean noCache;

    @Option(
            names = "--override-image-id",
            paramLabel = "ID",
            description = "docker, modal, default with prepare_command: skip image preparation, use ID.")
    private String overrideImageId;

    @Option(names = "--trace", description = "Write {output_dir}/trace.json (Chrome trace events, opens in Perfetto).")
    private boolean trace;

    @Option(names = "--record-history", description = "Record history after the run (needs a [history] table).")
    private boolean recordHistory;

    @Option(names = "--ci", description = "Plain progress lines (implied by CI=true or a non-terminal stderr).")
    private boolean ci;

    @Override
    public Integer call() throws ConfigException, RunAbortedException, InterruptedException, UserException {
        validateOptions();
        PrintWriter out = out();
        PrintWriter err = err();
        TraceRecorder traceRecorder = TraceRecorder.start(trace, Clock.systemUTC());
        Instant loading = traceRecorder.now();
        Config config = loadConfig(false);
        traceRecorder.phase("config_load", loading);
        if (collectOnly) {
            return new CollectCommand(root, spec).collect(config, Optional.ofNullable(shard), false);
        }
        RunOptions options = new RunOptions(
                        parallel == null ? OptionalInt.empty() : OptionalInt.of(parallel),
                        parseEnv(err),
                        copyDirs,
                        failFast,
                        failOnFlaky,
                        showEstimatedCost,
                        Optional.ofNullable(shard))
                .withTraceAndHistory(trace, recordHistory);
        RunObserver progress = interactive()
                ? new TerminalProgress(System.err)
                : new ProgressPrinter(
                                line -> println(err, line), line -> println(err, "warning: " + line), System::nanoTime)
                        .verbose(global().verbose());
        var images = new ImageOptions(noCache, Optional.ofNullable(overrideImageId), copyDirs);
        var run = new OffloadRun(config, options, images, progress, Clock.systemUTC(), traceRecorder);
        RunResult result;
        try (InterruptHandler interrupts = InterruptHandler.install(run, err)) {
            result = run.execute();
        }
        out.print(FinalSummary.render(result, showEstimatedCost));
        ReportLocation.of(config.report()).ifPresent(path -> out.println("Report: " + path));
        return result.exitCode(failOnFlaky);
    }

    /**
     * The redrawn two-line progress needs a terminal (SPEC §15.1): not with {@code --ci}, {@code CI=true}, {@code -v}
     * or when stderr, where it is drawn, is not a terminal.
     */
    private boolean interactive() {
        return !ci && !"true".equals(System.getenv("CI")) && !global().verbose() && Terminal.stderrIsTerminal();
    }

    private void validateOptions() {
        if (parallel != null && parallel < 1) {
            throw usageError("--parallel must be at least 1, got " + parallel);
        }
        for (String dir : copyDirs) {
            if (!dir.contains(":")) {
                throw usageError("invalid --copy-dir '" + dir + "' (expected LOCAL:REMOTE)");
            }
        }
        for (String pair : env) {
            if (!pair.contains("=")) {
                throw usageError("invalid --env '" + pair + "' (expected KEY=VALUE)");
            }
        }
    }

    private Map<String, String> parseEnv(PrintWriter err) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : env) {
            int eq = pair.indexOf('=');
            if (eq == 0) {
                println(err, "warning: --env '" + pair + "' has an empty name; skipped");
            } else {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return values;
    }

    private static void println(PrintWriter writer, String line) {
        synchronized (writer) {
            writer.println(line);
            writer.flush();
        }
    }
}
