package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.framework.RealVitest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real vitest suites with repeated names and skips (issue 11 item 11, SPEC §7.2), run by the real vitest on the local
 * provider: every listing of a repeated name is its own test with its own verdict, and vitest's skipped and todo tests
 * are reported once as skipped, so Offload counts what vitest counts.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class VitestRepeatsRunTest {
    private static final String R = "tests/repeats.test.ts > ";
    private static final String P = "tests/plain.test.ts > ";

    @TempDir
    Path project;

    @Test
    void repeatedNamesRunAndReportSeparatelyAndSkipsAreReportedAsVitestCountsThem() throws Exception {
        Path fixture = Path.of("src/test/resources/vitest-repeats/tests");
        Files.createDirectories(project.resolve("tests"));
        for (String file : List.of("repeats.test.ts", "plain.test.ts")) {
            Files.copy(fixture.resolve(file), project.resolve("tests").resolve(file));
        }
        RunResult result = runInstalledVitest(3, "", 1);

        Map<String, Verdict> verdicts = verdicts(result);
        assertThat(result.outcomes()).as("one outcome per test").hasSameSizeAs(verdicts.keySet());
        assertThat(verdicts)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry(R + "loop", Verdict.PASSED),
                        Map.entry(R + "loop [#2]", Verdict.PASSED),
                        Map.entry(R + "loop [#3]", Verdict.PASSED),
                        Map.entry(R + "flaky loop", Verdict.PASSED),
                        Map.entry(R + "flaky loop [#2]", Verdict.FLAKY),
                        Map.entry(R + "object 1", Verdict.PASSED),
                        Map.entry(R + "object 2", Verdict.PASSED),
                        Map.entry(R + "same title", Verdict.PASSED),
                        Map.entry(R + "same title [#2]", Verdict.FAILED),
                        Map.entry(R + "skips itself", Verdict.SKIPPED),
                        // not listed by vitest, reported as vitest reports them
                        Map.entry(R + "skipped one", Verdict.SKIPPED),
                        Map.entry(R + "todo one", Verdict.SKIPPED),
                        Map.entry(R + "off > inside", Verdict.SKIPPED),
                        Map.entry(R + "off > inside [#2]", Verdict.SKIPPED),
                        Map.entry(R + "loop [#4]", Verdict.SKIPPED),
                        Map.entry(P + "alone", Verdict.PASSED),
                        Map.entry(P + "alone but skipped", Verdict.SKIPPED)));
        // The failing repeat ran twice (retry_count = 1); its passing sibling was decided by the first run.
        assertThat(attempts(result, R + "same title [#2]")).isEqualTo(2);
        assertThat(attempts(result, R + "same title")).isEqualTo(1);

        String junit = Files.readString(project.resolve("out/junit.xml"));
        assertThat(testcaseNames(junit)).hasSize(17).doesNotHaveDuplicates();
        assertThat(junit).contains("tests=\"17\"").contains("skipped=\"7\"");
        assertThat(result.exitCode(false)).isEqualTo(1);
        List<String> left = FaultInjectionTest.leftoverProcesses(project.toString());
        assertThat(left).as("processes left").isEmpty();
        ReliabilitySections.write(
                "35-vitest-suites.md",
                List.of(
                        "## Real-world vitest suites",
                        "",
                        "`VitestRepeatsRunTest` (offload-core): the real vitest runs a suite with repeated names (a loop around"
                                + " `test`, `test.each` over objects printing alike) and `it.skip`, `it.todo`, `describe.skip`,"
                                + " `ctx.skip()`: every listing is its own test, and skips are counted as vitest counts them.",
                        "",
                        "| Tests (as vitest counts) | In junit.xml | Verdicts | Processes left |",
                        "|---|---|---|---|",
                        "| 17 | %d | %s | %d |"
                                .formatted(
                                        testcaseNames(junit).size(),
                                        new java.util.TreeMap<>(verdicts.values().stream()
                                                .collect(Collectors.groupingBy(v -> v, Collectors.counting()))),
                                        left.size()),
                        ""));
        ReliabilitySections.totals(
                "35-vitest-suites.totals",
                "Real-world vitest suites",
                "VitestRepeatsRunTest",
                1,
                17,
                17 - verdicts.size(),
                left.size(),
                0);
    }

    @Test
    void shuffledRunsStillGiveEachRepeatItsOwnResult() throws Exception {
        Files.createDirectories(project.resolve("tests"));
        Files.writeString(project.resolve("tests/shuffled.test.ts"), """
                import { expect, test } from 'vitest';

                // The odd listings pass, the even ones fail; the seed runs them in another order.
                for (let i = 1; i <= 6; i++) {
                  test('alternating', () => {
                    expect(i % 2).toBe(1);
                  });
                }
                """);
        RunResult result = runInstalledVitest(1, "run_args = \"--sequence.shuffle --sequence.seed=2\"", 0);

        // Streamed end events decide passes early: they must name the same listing as the report does.
        Map<String, Verdict> verdicts = verdicts(result);
        String a = "tests/shuffled.test.ts > alternating";
        assertThat(verdicts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        a,
                        Verdict.PASSED,
                        a + " [#2]",
                        Verdict.FAILED,
                        a + " [#3]",
                        Verdict.PASSED,
                        a + " [#4]",
                        Verdict.FAILED,
                        a + " [#5]",
                        Verdict.PASSED,
                        a + " [#6]",
                        Verdict.FAILED));
    }

    private static int attempts(RunResult result, String id) {
        return result.outcomes().stream()
                .filter(o -> o.test().id().equals(id))
                .findFirst()
                .orElseThrow()
                .attempts()
                .size();
    }

    private static List<String> testcaseNames(String junit) {
        Matcher m = Pattern.compile("<testcase name=\"([^\"]*)\"").matcher(junit);
        return m.results().map(r -> r.group(1)).collect(Collectors.toList());
    }

    /** Installs real vitest into the project and runs it through the local provider. */
    private RunResult runInstalledVitest(int maxParallel, String runArgsLine, int retryCount) throws Exception {
        RealVitest.installInto(project);
        Path config =
                Files.writeString(project.resolve("offload.toml"), """
                [offload]
                max_parallel = %d
                test_timeout_secs = 120

                [provider]
                type = "local"

                [framework]
                type = "vitest"
                command = "node node_modules/vitest/vitest.mjs"
                %s

                [groups.all]
                retry_count = %d
                """.formatted(maxParallel, runArgsLine, retryCount));
        return new OffloadRun(
                        ConfigLoader.load(
                                config, new LoadOptions(false, Map.of(), Path.of("out"), Optional.empty(), w -> {})),
                        RunOptions.defaults(),
                        RunObserver.NONE,
                        Clock.systemUTC())
                .execute();
    }

    private static Map<String, Verdict> verdicts(RunResult result) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        result.outcomes().forEach(o -> verdicts.put(o.test().id(), o.verdict()));
        return verdicts;
    }
}
