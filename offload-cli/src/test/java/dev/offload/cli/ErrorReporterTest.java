package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.provider.ProviderException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ErrorReporterTest {
    @Test
    void runtimeErrorPrintsOneLinePerCauseAndExitsOne() {
        Exception error = new ProviderException(
                "sandbox 3: create failed", new java.io.IOException("docker: connection refused"));

        StringWriter err = new StringWriter();
        int exitCode = report(error, err);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .isEqualTo("error: sandbox 3: create failed\n  caused by: docker: connection refused\n");
    }

    @Test
    void causeAlreadyQuotedInTheMessageIsNotRepeated() {
        Exception error = new ProviderException(
                "create failed: connection refused", new java.io.IOException("connection refused"));

        StringWriter err = new StringWriter();
        report(error, err);

        assertThat(err.toString()).isEqualTo("error: create failed: connection refused\n");
    }

    @Test
    void unexpectedExceptionIsReportedAsABugWithItsStackTrace() {
        StringWriter err = new StringWriter();
        int exitCode = report(new IllegalStateException("impossible"), err);

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("error: impossible\n")
                .contains("This is a bug in Offload")
                .contains("\tat ");
    }

    private static int report(Exception error, StringWriter err) {
        CommandLine commandLine = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
        return new ErrorReporter().handleExecutionException(error, commandLine, null);
    }
}
