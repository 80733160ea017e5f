package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.provider.Shell;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11's hostile JUnit XML result files, each written by a real batch on the local provider (the default framework
 * copies it to its result path): entity expansion, external entities, huge attributes, invalid UTF-8, deep nesting.
 * Each run ends with every test holding one verdict, decided from a clean record or as an error whose cause names the
 * result file; the secret an external entity points at never appears in any report, log or warning; the heap stays
 * bounded.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileResultFilesTest {
    /** Heap growth allowed while one hostile file is read (the file itself is at most a few MB). */
    private static final long HEAP_BOUND_BYTES = 256L << 20;

    @TempDir
    static Path dir;

    private static final String SECRET = "TOPSECRET-" + UUID.randomUUID();
    static final List<String> rows = new CopyOnWriteArrayList<>();
    private static final java.util.concurrent.atomic.AtomicLong lost = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong leaked = new java.util.concurrent.atomic.AtomicLong();

    static Stream<Arguments> hostileFiles() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String laughs = "<!DOCTYPE t [<!ENTITY l0 \"lol\">"
                + java.util.stream.IntStream.range(1, 10)
                        .mapToObj(i -> "<!ENTITY l" + i + " \"" + ("&l" + (i - 1) + ";").repeat(10) + "\">")
                        .reduce("", String::concat)
                + "]>";
        return Stream.of(
                Arguments.of(
                        "billion laughs (entity expansion)",
                        xml(laughs, "<testcase name=\"a\"><failure message=\"&l9;\">&l9;</failure></testcase>")),
                Arguments.of(
                        "external entity (XXE) reading a local file",
                        xml(
                                "<!DOCTYPE t [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>",
                                "<testcase name=\"a\"><failure message=\"&xxe;\">&xxe;</failure></testcase>")),
                Arguments.of(
                        "external DTD (XXE) pointing at a local file",
                        xml("<!DOCTYPE t SYSTEM \"" + secret.toUri() + "\">", "<testcase name=\"a\"/>")),
                Arguments.of(
                        "huge attribute (8 MB test name)",
                        xml("", "<testcase name=\"" + "n".repeat(8 << 20) + "\"/><testcase name=\"a\"/>")),
                Arguments.of(
                        "huge attribute (8 MB failure message)",
                        xml("", "<testcase name=\"a\"><failure message=\"" + "m".repeat(8 << 20) + "\"/></testcase>")),
                Arguments.of("invalid UTF-8 in captured output", invalidUtf8()),
                Arguments.of(
                        "deep nesting (100,000 testsuite elements)",
                        xml(
                                "",
                                "<testsuite>".repeat(100_000) + "<testcase name=\"a\"/>"
                                        + "</testsuite>".repeat(100_000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostileResultFileEndsInOneVerdictPerTestAndReadsNothingElse(String name, byte[] content) throws Exception {
        Path project = Files.createDirectories(dir.resolve("p" + Math.abs(name.hashCode())));
        Path hostile = Files.write(project.resolve("hostile.xml"), content);
        Path config = Files.writeString(project.resolve("offload.toml"), """
                [offload]
                max_parallel = 1
                test_timeout_secs = 60

                [provider]
                type = "local"

                [framework]
                type = "default"
                discover_command = "printf 'a\\\\n' # {filters}"
                run_command = "cp %s {result_file} # {tests}"
                test_id_format = "{name}"

                [groups.all]
                retry_count = 0
                """.formatted(
                        Shell.quote(hostile.toString()).replace("\\", "\\\\").replace("\"", "\\\"")));
        List<String> warnings = new CopyOnWriteArrayList<>();
        RunObserver observer = new RunObserver() {
            @Override
            public void warning(String line) {
                warnings.add(line);
            }
        };
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        long before = used(heap);
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();

        RunResult result = new OffloadRun(
                        ConfigLoader.load(
                                config, new LoadOptions(false, Map.of(), Path.of("out"), Optional.empty(), w -> {})),
                        RunOptions.defaults(),
                        observer,
                        Clock.systemUTC())
                .execute();

        long peakGrowth =
                heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before;
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        List<String> left = FaultInjectionTest.leftoverProcesses(project.toString());
        lost.addAndGet(result.outcomes().size() == 1 ? 0 : 1);
        leaked.addAndGet(left.size());
        TestOutcome a = result.outcomes().get(0);
        rows.add("| %s | %d KB | %s | %s | %d MB | %.1f s |"
                .formatted(
                        name,
                        content.length / 1024,
                        a.verdict(),
                        a.cause().map(HostileResultFilesTest::shorten).orElse("—"),
                        Math.max(0, peakGrowth) >> 20,
                        took.toMillis() / 1000.0));

        assertThat(result.outcomes())
                .singleElement()
                .extracting(o -> o.test().id())
                .isEqualTo("a");
        if (a.verdict() == Verdict.ERROR) {
            assertThat(a.cause()).get().asString().contains("result file").hasSizeLessThan(1000);
        } else {
            assertThat(a.verdict()).isIn(Verdict.PASSED, Verdict.FAILED);
        }
        assertThat(left).as("processes left").isEmpty();
        assertThat(peakGrowth).as("heap growth while reading a hostile file").isLessThan(HEAP_BOUND_BYTES);
        assertThat(warnings).allSatisfy(w -> assertThat(w).hasSizeLessThan(2000).doesNotContain(SECRET));
        try (Stream<Path> files = Files.walk(project.resolve("out"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().startsWith("batch-")
                        || !file.getParent().getFileName().toString().equals("junit-parts")) {
                    assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                            .as(file.toString())
                            .doesNotContain(SECRET)
                            .doesNotContain("lollollollollollollollollollollollollol");
                }
            }
        }
    }

    private static long used(List<MemoryPoolMXBean> heap) {
        return heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static String shorten(String cause) {
        // The temp directory differs on every run: the page shows the file's name only.
        String line = cause.replaceAll("/\\S*/(batch-\\d+\\.xml)", "$1")
                .replace("|", "\\|")
                .replace('\n', ' ');
        return line.length() > 140 ? line.substring(0, 140) + "…" : line;
    }

    private static byte[] xml(String doctype, String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + "<testsuites><testsuite name=\"s\">" + body
                        + "</testsuite></testsuites>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><testsuite><testcase name=\"a\"><system-out>"
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.writeBytes("</system-out></testcase></testsuite>".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @AfterAll
    static void writeReliabilityFragment() throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "## Hostile input: JUnit XML result files",
                "",
                "Each file is written by a real batch on the local provider (`HostileResultFilesTest`, offload-core)."
                        + " Passing means: the test gets one verdict, from a clean record or as an error naming the"
                        + " result file; the secret an external entity points at appears in no report, log or"
                        + " warning; heap growth stays under " + (HEAP_BOUND_BYTES >> 20) + " MB.",
                "",
                "| Input | Size | Verdict | Cause | Peak heap growth | Took |",
                "|---|---|---|---|---|---|"));
        lines.addAll(rows.stream().sorted().toList());
        lines.add("");
        ReliabilitySections.write("40-hostile-junit-xml.md", lines);
        ReliabilitySections.totals(
                "40-hostile-junit-xml.totals",
                "Hostile JUnit XML result files",
                "HostileResultFilesTest",
                rows.size(),
                rows.size(),
                lost.get(),
                leaked.get(),
                rows.size());
    }
}
