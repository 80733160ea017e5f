package dev.offload.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code offload} command (SPEC §5). Exit codes: 0 success, 1 usage, configuration or runtime
 * error, 2 flaky run (reserved for {@code run}); picocli's own default of 2 for usage errors is overridden.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exitCode = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(exitCode);
    }

    /** Runs one command line with the given streams and returns its exit code; never calls {@code System.exit}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = commandLine(out, err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured command tree: later subcommands only need to be listed on {@link OffloadCommand}. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new OffloadCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        ErrorReporter errorReporter = new ErrorReporter();
        commandLine.setExecutionExceptionHandler(errorReporter);
        commandLine.setParameterExceptionHandler(errorReporter);
        return commandLine;
    }
}
