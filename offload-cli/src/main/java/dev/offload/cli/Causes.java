package dev.offload.cli;

import java.util.ArrayList;
import java.util.List;

/** The messages of an exception and its causes, outermost first, for one-line-per-cause error output. */
final class Causes {
    private Causes() {}

    /**
     * One message per exception in the chain. A cause whose message the previous one already contains is skipped:
     * core code often wraps with {@code "...: " + cause.getMessage()}, and repeating it would only add noise.
     */
    static List<String> messages(Throwable error) {
        List<String> messages = new ArrayList<>();
        String previous = "";
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = message(t);
            if (!previous.contains(message)) {
                messages.add(message);
            }
            previous = message;
        }
        return messages;
    }

    /** The whole chain on one line: {@code outer: cause: root cause}. */
    static String oneLine(Throwable error) {
        return String.join(": ", messages(error));
    }

    private static String message(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
