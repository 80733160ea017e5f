package dev.offload.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11 item 2: an output line is held in memory only up to a limit; line endings work like readLine. */
class BoundedLineReaderTest {

    @Test
    void overLongLineIsCutWithANoteAndTheNextLineIsIntact() throws Exception {
        String text = "a".repeat(10_000) + "\nnext\n";

        assertThat(lines(new BoundedLineReader(new StringReader(text), 100)))
                .containsExactly("a".repeat(100) + " [offload: line cut, 9900 more characters not shown]", "next");
    }

    @Test
    void lineEndingsAreNewlineCarriageReturnOrBothAndALastLineNeedsNone() throws Exception {
        assertThat(lines(new BoundedLineReader(new StringReader("one\r\ntwo\rthree\n\nfour"))))
                .containsExactly("one", "two", "three", "", "four");
    }

    private static List<String> lines(BoundedLineReader reader) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return lines;
    }
}
