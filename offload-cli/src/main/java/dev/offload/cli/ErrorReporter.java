package dev.offload.cli;

import dev.offload.core.CauseChain;
import dev.offload.core.config.ConfigException;
import dev.offload.core.framework.DiscoveryException;
import dev.offload.core.framework.ResultFileException;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.run.RunAbortedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where errors become output and an exit code (SPEC §5.1). Usage errors: the message, picocli's
 * suggestions, the usage, exit 1. Runtime errors: {@code error: <message>} plus one {@code   caused by: <message>}
 * line per cause, exit 1; a stack trace follows only for exceptions that are not user-facing, i.e. bugs in Offload.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private static final List<Class<? extends Exception>> USER_FACING = List.of(
            ConfigException.class,
            DiscoveryException.class,
            ProviderException.class,
            ResultFileException.class,
            UserException.class,
            RunAbortedException.class,
            dev.offload.core.image.ImageException.class,
            dev.offload.core.git.GitException.class,
            dev.offload.core.git.PatchException.class,
            IOException.class,
            UncheckedIOException.class);

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        List<String> messages = CauseChain.messages(error);
        err.println("error: " + messages.get(0));
        messages.stream().skip(1).forEach(cause -> err.println("  caused by: " + cause));
        if (error instanceof RunAbortedException aborted && !aborted.hint().isEmpty()) {
            err.println("  hint: " + aborted.hint());
        }
        if (!isUserFacing(error)) {
            err.println("This is a bug in Offload; please report it with the stack trace below.");
            error.printStackTrace(err);
        }
        err.flush();
        return ExitCode.ERROR;
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(error.getMessage());
        // picocli prints either suggestions or the usage; users get both.
        UnmatchedArgumentException.printSuggestions(error, err);
        commandLine.usage(err);
        err.flush();
        return ExitCode.USAGE;
    }

    private static boolean isUserFacing(Exception error) {
        return USER_FACING.stream().anyMatch(type -> type.isInstance(error));
    }
}
