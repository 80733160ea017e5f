package dev.offload.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offload.core.framework.ResultFileException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 item 2: result files are read with a bounded cost. */
class JunitXmlParserBoundsTest {
    @TempDir
    Path dir;

    @Test
    void resultFileOverTheLimitIsRefusedUnread() throws Exception {
        Path file = dir.resolve("batch-1.xml");
        try (var out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(65L * 1024 * 1024); // sparse: no disk or heap spent
        }

        assertThatThrownBy(() -> JunitXmlParser.parse(file))
                .isInstanceOf(ResultFileException.class)
                .hasMessage("result file " + file + " is 65 MiB, over the 64 MiB limit (reduce the output the runner"
                        + " captures into it)");
    }

    @Test
    void hugeCapturedOutputIsKeptOnlyUpToTheReportLimit() throws Exception {
        Path file = Files.writeString(
                dir.resolve("batch-2.xml"),
                "<testsuite><testcase name=\"a\"><system-out>" + "x".repeat(8 * 1024 * 1024)
                        + "</system-out></testcase></testsuite>");

        var cases = JunitXmlParser.parseCases(file);

        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).systemOut()).hasSize(JunitXmlParser.TEXT_LIMIT_CHARS);
    }
}
