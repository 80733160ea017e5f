package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellWordsTest {

    @Test
    void blankTextHasNoWords() {
        assertThat(ShellWords.split("")).isEmpty();
        assertThat(ShellWords.split(" \t\n ")).isEmpty();
    }

    @Test
    void splitsOnRunsOfWhitespace() {
        assertThat(ShellWords.split("  python3 -m\tpytest \n -q ")).containsExactly("python3", "-m", "pytest", "-q");
    }

    @Test
    void quotesGroupWordsAndEmptyQuotesMakeAnEmptyWord() {
        assertThat(ShellWords.split("-k 'not slow' -m \"a and b\" ''"))
                .containsExactly("-k", "not slow", "-m", "a and b", "");
        assertThat(ShellWords.split("a'b c'\"d\"e")).containsExactly("ab cde");
    }

    @Test
    void backslashEscapesOutsideQuotesAndOnlySpecialCharactersInsideDoubleQuotes() {
        assertThat(ShellWords.split("a\\ b \\'c \"x\\\"y\\\\z\\n\" 'p\\q'"))
                .containsExactly("a b", "'c", "x\"y\\z\\n", "p\\q");
        assertThat(ShellWords.split("one\\\ntwo")).containsExactly("onetwo");
    }

    @Test
    void nothingIsExpanded() {
        assertThat(ShellWords.split("$HOME `id` $(id) *.py # not-a-comment"))
                .containsExactly("$HOME", "`id`", "$(id)", "*.py", "#", "not-a-comment");
    }

    @Test
    void unclosedQuoteIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> ShellWords.split("-k 'not slow"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unclosed single quote at character 4 in: -k 'not slow (close it or escape it)");
        assertThatThrownBy(() -> ShellWords.split("-m \"a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unclosed double quote at character 4");
        assertThatThrownBy(() -> ShellWords.split("abc\\"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing backslash");
    }

    /** The reference is the real shell: {@code printf '%s\n' <text>} prints each word sh sees on its own line. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "a b  c",
                "-k 'x y' -m \"p and q\"",
                "\"a\\$b\" 'c\\d' e\\ f",
                "mixed'single'\"double\"plain",
                "\"\\`tick\\`\" \"back\\\\slash\"",
                "ünïcødé 'ß ä'",
                "\"a\\qb\" x\\\"y"
            })
    void agreesWithSh(String text) throws IOException, InterruptedException {
        assertThat(ShellWords.split(text)).isEqualTo(wordsSeenBySh(text));
    }

    private static List<String> wordsSeenBySh(String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "set -f; printf '%s\\0' " + text)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return Arrays.asList(out.substring(0, out.length() - 1).split("\0", -1));
    }
}
