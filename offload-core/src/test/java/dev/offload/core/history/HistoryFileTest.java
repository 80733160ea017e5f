package dev.offload.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line format (SPEC §12.1), tolerant reading (§12.2) and sorted atomic writing (§12.6). */
class HistoryFileTest {
    private static final String LINE =
            "{\"k\":[\"offload.toml\",\"tests/test_math.py::test_add\"],\"v\":{\"n\":3,\"f\":1,"
                    + "\"last_run\":\"aZ09\",\"ok\":[[\"x1y2\",1700000000000,1.0],[\"aZ09\",1700000100000,0.0002]],"
                    + "\"fail\":[[\"q7Q7\",1700000050000,12.345678]]}}";

    @TempDir
    Path dir;

    @Test
    void aLineIsWrittenBackByteForByte() throws Exception {
        var entry = HistoryLine.parse(LINE);

        assertThat(HistoryLine.format(entry.getKey(), entry.getValue())).isEqualTo(LINE);
    }

    @Test
    void durationsHaveAtMostSixDecimalsNoExponentAndAtLeastOneDecimal() {
        assertThat(HistoryLine.seconds(1)).isEqualTo("1.0");
        assertThat(HistoryLine.seconds(0.0002)).isEqualTo("0.0002");
        assertThat(HistoryLine.seconds(1e-7)).isEqualTo("0.0");
        assertThat(HistoryLine.seconds(123456.1234567)).isEqualTo("123456.123457");
        assertThat(HistoryLine.seconds(2.5e10)).isEqualTo("25000000000.0");
    }

    @Test
    void anyJsonNumberIsRead() throws Exception {
        var entry = HistoryLine.parse(LINE.replace("12.345678", "1.5e-3"));

        assertThat(entry.getValue().fail().get(0).secs()).isEqualTo(0.0015);
    }

    @Test
    void linesAreWrittenSortedByUtf8BytesOfConfigThenId() throws IOException {
        SortedMap<HistoryKey, HistoryRecord> records = new TreeMap<>();
        // U+1D11E (a surrogate pair in UTF-16) sorts after U+FFFD in UTF-8, unlike String.compareTo.
        for (String id : List.of("b", "\uFFFD", "a", "\uD834\uDD1E", "B")) {
            records.put(new HistoryKey("offload.toml", id), HistoryMergeTest.record(1, 0, "r", HistoryMergeTest.ok(1)));
        }
        records.put(new HistoryKey("a.toml", "z"), HistoryMergeTest.record(1, 0, "r", HistoryMergeTest.ok(1)));
        Path file = dir.resolve("offload-history.jsonl");

        HistoryFile.write(file, records);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines)
                .extracting(l -> l.substring(0, l.indexOf("],")))
                .containsExactly(
                        "{\"k\":[\"a.toml\",\"z\"",
                        "{\"k\":[\"offload.toml\",\"B\"",
                        "{\"k\":[\"offload.toml\",\"a\"",
                        "{\"k\":[\"offload.toml\",\"b\"",
                        "{\"k\":[\"offload.toml\",\"\uFFFD\"",
                        "{\"k\":[\"offload.toml\",\"\uD834\uDD1E\"");
        assertThat(Files.readString(file)).endsWith("}\n");
        assertThat(dir.resolve("offload-history.jsonl.tmp")).doesNotExist();
    }

    @Test
    void corruptLinesAreSkippedNamingTheirLineAndEverythingElseSurvives() throws IOException {
        Path file = dir.resolve("offload-history.jsonl");
        String other = LINE.replace("test_add", "test_sub");
        Files.writeString(
                file,
                LINE + "\n" + "<<<<<<< HEAD\n" + "\n" + "{\"k\":[\"offload.toml\"],\"v\":{}}\n" + other + "\n"
                        + "{\"k\":[\"offload.toml\",\"t\"],\"v\":{\"n\":-1,\"f\":0}}\n");

        HistoryFile.Content content = HistoryFile.read(file, 20);

        assertThat(content.records()).hasSize(2);
        assertThat(content.dropped()).extracting(HistoryFile.Dropped::line).containsExactly(2, 4, 6);
        assertThat(content.dropped().get(0).warning())
                .startsWith("history " + file + ":2: invalid record skipped (not JSON");
        assertThat(content.dropped().get(1).warning()).contains(":4: invalid record skipped (\"k\" must be");
        assertThat(content.dropped().get(2).warning()).contains("\"n\" must be a non-negative integer");

        Path dropped = dir.resolve("out/.offload/history-dropped.jsonl");
        HistoryFile.appendDropped(dropped, content.dropped());
        HistoryFile.appendDropped(dropped, content.dropped().subList(0, 1));
        assertThat(Files.readAllLines(dropped))
                .containsExactly(
                        "<<<<<<< HEAD",
                        "{\"k\":[\"offload.toml\"],\"v\":{}}",
                        "{\"k\":[\"offload.toml\",\"t\"],\"v\":{\"n\":-1,\"f\":0}}",
                        "<<<<<<< HEAD");
    }

    @Test
    void duplicateKeysAreCombinedLikeTheMergeDriver() throws IOException {
        Path file = dir.resolve("h.jsonl");
        Files.writeString(file, LINE + "\n" + LINE.replace("1700000100000", "1700000200000") + "\n");

        HistoryRecord record =
                HistoryFile.read(file, 20).records().values().iterator().next();

        assertThat(record.ok()).hasSize(3);
        assertThat(record.attempts()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aMissingFileIsEmpty() throws IOException {
        assertThat(HistoryFile.read(dir.resolve("none.jsonl"), 20).records()).isEmpty();
    }
}
