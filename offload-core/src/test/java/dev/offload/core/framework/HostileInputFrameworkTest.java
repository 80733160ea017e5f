package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offload.core.config.FrameworkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 items 3, 6 and 8 at the framework level: placeholders substituted in one pass, discovery bounded and killed
 * with its whole process group, ids that look like options kept away from the runner's option parser.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputFrameworkTest {
    @TempDir
    Path project;

    @TempDir
    Path runTemp;

    @Test
    void testIdContainingAPlaceholderReachesTheRunnerUnchanged() throws Exception {
        Files.writeString(project.resolve("args.py"), """
                import sys
                open(sys.argv[1], "w").write("\\n".join(sys.argv[2:]))
                """);
        Path seen = project.resolve("seen.txt");
        DefaultFramework framework = new DefaultFramework(
                new FrameworkConfig.Default(
                        "true {filters}",
                        "python3 args.py " + seen + " {result_file} {tests}",
                        Optional.empty(),
                        Optional.empty(),
                        "{name}"),
                project);
        List<String> ids = List.of("t{result_file}", "u{tests}", "{filters}");

        BatchCommand command = framework.batchCommand(new BatchRequest(4, ids, "AbC1", runTemp.toString(), false));
        TestProcesses.runBatch(command, project);

        assertThat(Files.readAllLines(seen))
                .containsExactly(runTemp + "/batch-4.xml", "t{result_file}", "u{tests}", "{filters}");
    }

    @Test
    void testcaseNameContainingClassnamePlaceholderResolvesToItsOwnId() {
        var testCase =
                new TestCaseResult("a{classname}", "pkg", 0, TestCaseResult.Status.PASSED, Optional.empty(), "", "");

        Map<String, TestCaseResult> resolved =
                TestCaseResolver.resolve(List.of(testCase), List.of("pkg.a{classname}"), "{classname}.{name}", w -> {});

        assertThat(resolved).containsOnlyKeys("pkg.a{classname}");
    }

    @Test
    void placeholdersAreReplacedInOnePass() {
        assertThat(Placeholders.substitute("{a} {b} {unknown} {", Map.of("{a}", "{b}", "{b}", "B")))
                .isEqualTo("{b} B {unknown} {");
    }

    @Test
    void discoveryPastTheTimeoutIsKilledWithItsWholeGroup() {
        String marker = "4711";
        DefaultFramework framework = discoverWith("(sleep " + marker + " &) ; sleep " + marker + " # {filters}");
        var request = new DiscoveryRequest("slow", "", project, runTemp, Duration.ofSeconds(1));
        long started = System.nanoTime();

        assertThatThrownBy(() -> framework.discover(request))
                .isInstanceOf(DiscoveryException.class)
                .hasMessage("discovery for group 'slow' timed out after 1s");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertNoProcessRuns("sleep " + marker);
    }

    @Test
    void interruptedDiscoveryKillsItsOrphanedChildrenToo() throws Exception {
        String marker = "4712";
        DefaultFramework framework = discoverWith("(sleep " + marker + " &) ; sleep " + marker + " # {filters}");
        var request = new DiscoveryRequest("g", "", project, runTemp, Duration.ofSeconds(60));
        Thread[] worker = new Thread[1];
        CompletableFuture<Object> done = CompletableFuture.supplyAsync(() -> {
            worker[0] = Thread.currentThread();
            try {
                return framework.discover(request);
            } catch (Exception e) {
                return e;
            }
        });
        waitUntilRunning("sleep " + marker, 2);

        worker[0].interrupt();

        assertThat(done.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertNoProcessRuns("sleep " + marker);
    }

    @Test
    void pytestAndVitestIdsFollowAnEndOfOptionsMarker() {
        var pytest = new PytestFramework(
                new FrameworkConfig.Pytest(Optional.empty(), "python3 -m pytest", Optional.empty(), "{name}"));
        var vitest = new VitestFramework(new FrameworkConfig.Vitest("npx vitest", Optional.empty(), "{name}"));
        var batch = new BatchRequest(1, List.of("--version", "-x"), "AbC1", runTemp.toString(), false);

        assertThat(pytest.batchCommand(batch).script()).contains(" -- --version -x\n");
        assertThat(vitest.batchCommand(batch).script()).contains("\nnpx vitest run ./--version ./-x --testNamePattern");
    }

    private DefaultFramework discoverWith(String discover) {
        return new DefaultFramework(
                new FrameworkConfig.Default(discover, "true", Optional.empty(), Optional.empty(), "{name}"), project);
    }

    private static List<ProcessHandle> running(String commandLine) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(commandLine))
                .filter(ProcessHandle::isAlive)
                .filter(p -> !isZombie(p))
                .toList();
    }

    private static void waitUntilRunning(String commandLine, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (running(commandLine).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(running(commandLine)).hasSizeGreaterThanOrEqualTo(count);
    }

    private static void assertNoProcessRuns(String commandLine) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!running(commandLine).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(running(commandLine)).as("processes left behind").isEmpty();
    }

    private static boolean isZombie(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (Exception e) {
            return true;
        }
    }
}
