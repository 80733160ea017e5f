package dev.offload.core.config;

import java.util.Optional;

/**
 * Finds an unclosed quote in text that will be split like a shell (group filters, SPEC §4.12 step 11). Follows the
 * POSIX rules: nothing is special inside single quotes; inside double quotes a backslash escapes the next character;
 * outside quotes a backslash escapes any character.
 */
final class QuoteBalance {
    private QuoteBalance() {}

    /** The kind of quote left open ("single quote", "double quote"), or empty when the text is balanced. */
    static Optional<String> unclosed(String text) {
        char open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open == '\'') {
                open = c == '\'' ? 0 : open;
            } else if (c == '\\') {
                i++; // escaped, outside quotes or inside double quotes
            } else if (open == '"') {
                open = c == '"' ? 0 : open;
            } else if (c == '\'' || c == '"') {
                open = c;
            }
        }
        return switch (open) {
            case '\'' -> Optional.of("single quote");
            case '"' -> Optional.of("double quote");
            default -> Optional.empty();
        };
    }
}
