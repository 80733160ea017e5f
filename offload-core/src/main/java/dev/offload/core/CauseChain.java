package dev.offload.core;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages of an exception and its causes, outermost first: every front door prints errors this way (SPEC §4.2
 * "the whole cause chain", §5.1).
 */
public final class CauseChain {
    private CauseChain() {}

    /**
     * One message per exception in the chain. A cause whose message the previous one already contains is skipped:
     * core code often wraps with {@code "...: " + cause.getMessage()}, and repeating it would only add noise.
     */
    public static List<String> messages(Throwable error) {
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
    public static String oneLine(Throwable error) {
        return String.join(": ", messages(error));
    }

    private static String message(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
