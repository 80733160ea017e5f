package dev.offload.cli;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import dev.offload.core.report.LogsQuery;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code offload logs}: print results from the last run's report, filtered (SPEC §11.9). */
@Command(name = "logs", description = "Show test results and failure output from the last run's report.")
final class LogsCommand extends Subcommand implements Callable<Integer> {
    @Option(names = "--failures", description = "Only FAILED tests.")
    private boolean failures;

    @Option(names = "--errors", description = "Only ERROR and NOT RUN tests.")
    private boolean errors;

    @Option(names = "--flaky", description = "Only FLAKY tests.")
    private boolean flaky;

    @Option(names = "--test", paramLabel = "ID", description = "Only this exact test id (repeatable).")
    private List<String> tests = new ArrayList<>();

    @Option(names = "--test-regex", paramLabel = "RE", description = "Only ids matching this regular expression.")
    private String testRegex;

    @Override
    public Integer call() throws ConfigException {
        PrintWriter out = out();
        PrintWriter err = err();
        Config config = loadConfig(false);
        var filter = new LogsQuery.Filter(failures, errors, flaky, tests, Optional.ofNullable(testRegex));
        LogsQuery.Result result =
                LogsQuery.run(config.report().outputDir(), config.report().junitFile(), filter);
        out.print(result.stdout());
        result.stderr().ifPresent(err::println);
        return result.exitCode();
    }
}
