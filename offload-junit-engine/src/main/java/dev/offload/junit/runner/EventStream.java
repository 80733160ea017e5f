package dev.offload.junit.runner;

import java.io.PrintStream;

/** Prints {@code ##offload:<token>## {...}} lines on the real stdout, one whole line at a time (SPEC §7.1). */
final class EventStream {
    private final PrintStream out;
    private final String prefix;

    EventStream(PrintStream out, String token) {
        this.out = out;
        this.prefix = token == null || token.isEmpty() ? null : "##offload:" + token + "## ";
    }

    void emit(JsonText event) {
        if (prefix == null) {
            return;
        }
        synchronized (out) {
            out.print(prefix + event + "\n");
            out.flush();
        }
    }
}
