package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: SIGINT and SIGTERM sent to {@code java -jar offload.jar run} at each phase a local run can be caught in
 * (discovery, mid-batch, teardown). Every time: no process of the run is left, the exit code is 1 and the reports that
 * are written say the run was interrupted (summary.json {@code error} / not-run tests with cause {@code interrupted}).
 * Pool creation is instantaneous with the local provider; it is covered in-process by offload-core's
 * InterruptPhasesTest.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InterruptJarIT {
    private static final Path JAR = Path.of(System.getProperty("offload.jar", "target/offload.jar"));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void signalDuringDiscoveryKillsItAndWritesAnErrorSummary(String signal) throws Exception {
        // The first sleep is orphaned (double fork): only its process group still ties it to the discovery.
        write("(sleep 4801 &); touch discovering; sleep 4801 # {filters}", "true {tests}");
        Process offload = start();
        awaitFile("discovering");

        kill(signal, offload);

        assertThat(offload.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(offload.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve(".stderr"))).contains("interrupted during test discovery");
        assertThat(dir.resolve("test-results/summary.json"))
                .content()
                .contains("\"outcome\" : \"error\"")
                .contains("interrupted during test discovery");
        assertNoneLeft("sleep 4801");
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void signalMidBatchStopsEveryBatchAndReportsTheRestNotRun(String signal) throws Exception {
        write(
                "printf 'a\\\\nb\\\\nc\\\\nd\\\\n' # {filters}",
                "touch running-$$; for t in {tests}; do sleep 4802; done");
        Process offload = start();
        awaitFile("running-");

        kill(signal, offload);

        assertThat(offload.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(offload.exitValue()).isEqualTo(1);
        assertInterruptedReports();
        assertNoneLeft("sleep 4802");
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void secondSignalDuringTeardownExitsAtOnceAndStillLeavesNoProcess(String signal) throws Exception {
        // The batch ignores SIGTERM, so teardown waits out the kill grace: the second signal arrives during it.
        write(
                "printf 'a\\\\nb\\\\n' # {filters}",
                "trap \\\"\\\" TERM INT; touch running-$$; for t in {tests}; do sleep 4803; done");
        Process offload = start();
        awaitFile("running-");
        kill(signal, offload);
        awaitText(".stderr", "Interrupted: stopping sandboxes");
        Thread.sleep(300);

        kill(signal, offload);

        assertThat(offload.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(offload.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve(".stderr"))).contains("Teardown abandoned");
        assertNoneLeft("sleep 4803");
    }

    private void assertInterruptedReports() throws Exception {
        assertThat(Files.readString(dir.resolve(".stdout"))).contains("Not run:");
        assertThat(dir.resolve("test-results/junit.xml")).content().contains("not run: interrupted");
        assertThat(dir.resolve("test-results/summary.json"))
                .content()
                .contains("\"outcome\" : \"fail\"")
                .contains("\"cause\" : \"interrupted\"");
    }

    private void write(String discover, String run) throws Exception {
        Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = 120
                impatiently_requeue_batches = false

                [provider]
                type = "local"

                [framework]
                type = "default"
                discover_command = "%s"
                run_command = "%s"
                test_id_format = "{name}"

                [groups.all]
                retry_count = 0
                """.formatted(discover, run));
    }

    private Process start() throws Exception {
        return new ProcessBuilder(javaExecutable(), "-jar", JAR.toAbsolutePath().toString(), "run", "--ci")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve(".stdout").toFile())
                .redirectError(dir.resolve(".stderr").toFile())
                .start();
    }

    private void awaitFile(String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (var files = Files.list(dir)) {
                if (files.anyMatch(f -> f.getFileName().toString().startsWith(prefix))) {
                    Thread.sleep(300); // let the commands after the marker start
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "no file " + prefix + "* appeared; stderr: " + Files.readString(dir.resolve(".stderr")));
    }

    private void awaitText(String file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(dir.resolve(file)).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void kill(String signal, Process process) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .start()
                .waitFor();
    }

    private static void assertNoneLeft(String commandLine) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> left;
        do {
            left = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(commandLine))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> !isZombie(p))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(left).as("processes left behind").isEmpty();
    }

    private static boolean isZombie(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (Exception e) {
            return true;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
