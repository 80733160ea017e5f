package dev.offload.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShellTest {

    /** Characters that break naive quoting, mixed with ordinary ones and non-ASCII text. */
    private static final String[] PIECES = {
        "'", "\"", " ", "\t", "\n", "$", "$(id)", "`id`", "\\", "*", "?", "[a]", "~", "#", ";", "&", "|", "<", ">", "(",
        ")", "{", "}", "!", "%", "a", "Z", "0", "_", ".", "/", "-", "é", "日本", "\u00a0", "😀", "''", "'\\''", "=", "@"
    };

    @Test
    void safeValuesStayBareAndOthersAreSingleQuoted() {
        assertThat(Shell.quote("tests/test_a.py::test_x")).isEqualTo("tests/test_a.py::test_x");
        assertThat(Shell.quote("a,b+c@d%e-f")).isEqualTo("a,b+c@d%e-f");
        assertThat(Shell.quote("")).isEqualTo("''");
        assertThat(Shell.quote("a b")).isEqualTo("'a b'");
        assertThat(Shell.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void joinQuotesEachValue() {
        assertThat(Shell.join(List.of("a", "b c", ""))).isEqualTo("a 'b c' ''");
    }

    @Test
    void printfOfQuotedValuePrintsTheValueExactly() throws Exception {
        Random random = new Random(20261126L);
        for (int i = 0; i < 300; i++) {
            String value = randomValue(random);
            assertThat(printThroughSh(Shell.quote(value)))
                    .as("quote(%s)", value)
                    .isEqualTo(value);
        }
        for (String piece : PIECES) {
            assertThat(printThroughSh(Shell.quote(piece))).isEqualTo(piece);
        }
        assertThat(printThroughSh(Shell.quote(""))).isEmpty();
    }

    private static String randomValue(Random random) {
        StringBuilder value = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(4) == 0) {
                value.appendCodePoint(0x20 + random.nextInt(0x2000));
            } else {
                value.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return value.toString();
    }

    private static String printThroughSh(String quoted) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", "printf %s " + quoted)
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(process.waitFor()).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
