package dev.offload.junit.engine;

import dev.offload.core.framework.TestCaseResult;
import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Throwables standing for a failure that happened in a sandbox JVM (SPEC §16.4). They print as the remote one did:
 * {@code <remote type>: <message>} followed by the remote stack trace, so Surefire's report shows the real type
 * (it takes the type from the trace's first token) and trace. An assertion failure stays an {@link AssertionError}
 * (Surefire: failure), anything else is an exception (Surefire: error).
 */
final class RemoteFailures {
    private RemoteFailures() {}

    static Throwable of(TestCaseResult.Failure failure) {
        String type = failure.type().isBlank() ? "java.lang.AssertionError" : failure.type();
        String trace = failure.body().isBlank() ? header(type, failure.message()) : failure.body();
        return failure.error()
                ? new RemoteException(type, failure.message(), trace)
                : new RemoteAssertionError(type, failure.message(), trace);
    }

    private static String header(String type, String message) {
        return message == null || message.isEmpty() ? type : type + ": " + message;
    }

    /** A remote assertion failure. */
    static final class RemoteAssertionError extends AssertionError {
        private static final long serialVersionUID = 1L;
        private final String type;
        private final String trace;

        RemoteAssertionError(String type, String message, String trace) {
            super(message);
            this.type = type;
            this.trace = trace;
            setStackTrace(new StackTraceElement[0]);
        }

        /** The remote exception's class name. */
        String remoteType() {
            return type;
        }

        @Override
        public String toString() {
            return header(type, getMessage());
        }

        @Override
        public void printStackTrace(PrintStream s) {
            s.println(trace.stripTrailing());
        }

        @Override
        public void printStackTrace(PrintWriter s) {
            s.println(trace.stripTrailing());
        }
    }

    /** A remote exception other than an assertion failure. */
    static final class RemoteException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String type;
        private final String trace;

        RemoteException(String type, String message, String trace) {
            super(message, null, false, false);
            this.type = type;
            this.trace = trace;
        }

        String remoteType() {
            return type;
        }

        @Override
        public String toString() {
            return header(type, getMessage());
        }

        @Override
        public void printStackTrace(PrintStream s) {
            s.println(trace.stripTrailing());
        }

        @Override
        public void printStackTrace(PrintWriter s) {
            s.println(trace.stripTrailing());
        }
    }
}
