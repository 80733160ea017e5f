package dev.offload.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a string into words like a POSIX shell does, without expanding anything: used for {@code command},
 * {@code run_args} and group {@code filters} (SPEC §4.7, §7.1). Single quotes keep everything literally; inside double
 * quotes a backslash escapes only {@code $ ` " \} and newline; outside quotes a backslash escapes any character and
 * backslash-newline joins lines. {@code $}, backticks, globs and {@code #} are ordinary characters.
 *
 * <p>Hand-written because the Java libraries that split command lines (commons-exec, plexus-utils, Ant) ignore
 * backslash escapes, so {@code -k "a \"b\""} would come out wrong.
 */
public final class ShellWords {
    private ShellWords() {}

    /**
     * The words of {@code text}; an empty or blank text has none.
     *
     * @throws IllegalArgumentException when a quote is not closed or the text ends with a lone backslash
     */
    public static List<String> split(String text) {
        return new Splitter(text).words();
    }

    /** The kind of quote {@code text} leaves open ("single quote", "double quote"), or empty when it has none. */
    public static Optional<String> unclosedQuote(String text) {
        try {
            split(text);
            return Optional.empty();
        } catch (UnclosedQuote e) {
            return Optional.of(e.kind);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a trailing backslash, not a quote
        }
    }

    private static final class UnclosedQuote extends IllegalArgumentException {
        private final String kind;

        UnclosedQuote(String kind, String message) {
            super(message);
            this.kind = kind;
        }
    }

    private static final class Splitter {
        private final String text;
        private final List<String> words = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private boolean inWord;
        private int pos;

        Splitter(String text) {
            this.text = text;
        }

        List<String> words() {
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                switch (c) {
                    case ' ', '\t', '\n', '\r' -> endWord();
                    case '\'' -> singleQuoted();
                    case '"' -> doubleQuoted();
                    case '\\' -> escaped();
                    default -> append(c);
                }
            }
            endWord();
            return List.copyOf(words);
        }

        private void singleQuoted() {
            int start = pos - 1;
            inWord = true;
            while (pos < text.length() && text.charAt(pos) != '\'') {
                word.append(text.charAt(pos++));
            }
            if (pos == text.length()) {
                throw unclosed("single quote", start);
            }
            pos++;
        }

        private void doubleQuoted() {
            int start = pos - 1;
            inWord = true;
            while (pos < text.length() && text.charAt(pos) != '"') {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length() && "$`\"\\\n".indexOf(text.charAt(pos)) >= 0) {
                    char next = text.charAt(pos++);
                    if (next != '\n') {
                        word.append(next);
                    }
                } else {
                    word.append(c);
                }
            }
            if (pos == text.length()) {
                throw unclosed("double quote", start);
            }
            pos++;
        }

        private void escaped() {
            if (pos == text.length()) {
                throw new IllegalArgumentException("trailing backslash with nothing to escape in: " + text);
            }
            char next = text.charAt(pos++);
            if (next != '\n') { // backslash-newline is a line continuation
                append(next);
            }
        }

        private void append(char c) {
            word.append(c);
            inWord = true;
        }

        private void endWord() {
            if (inWord) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
        }

        private IllegalArgumentException unclosed(String what, int start) {
            return new UnclosedQuote(
                    what,
                    "unclosed " + what + " at character " + (start + 1) + " in: " + text + " (close it or escape it)");
        }
    }
}
