package dev.offload.junit.runner;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A throwable's printed stack trace. */
final class StackTraces {
    private StackTraces() {}

    static String of(Throwable t) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            t.printStackTrace(out);
        }
        return text.toString();
    }
}
