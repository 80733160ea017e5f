package dev.offload.core.report;

/**
 * Text from tests (ids, causes, warnings naming ids) made safe to print on a terminal: control characters (escape
 * sequences, carriage returns, newlines) and bidirectional overrides are shown as {@code \xNN} or {@code \\uNNNN}
 * instead of acting on the terminal, so an id cannot rewrite the screen or fake a line of the summary.
 */
public final class TerminalSafe {
    private TerminalSafe() {}

    public static String escape(String text) {
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
