package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.provider.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox lifecycle of the {@code default} provider with real shell templates (SPEC §8.3, §8.4, §8.6): failing
 * creates are retried and then close the slot, a failing destroy is a warning, a timed-out sandbox is destroyed and
 * replaced, and placeholder values are never substituted again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DefaultProviderLifecycleTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final RunObserver observer = new RunObserver() {
        @Override
        public void warning(String line) {
            warnings.add(line);
        }
    };

    @Test
    void createThatKeepsFailingIsRetriedThreeTimesThenTheSlotCloses() throws Exception {
        Path calls = dir.resolve("calls");
        String provider = provider(
                "echo attempt >> " + q(calls) + "; echo 'no capacity left' >&2; exit 3", "sh -c {command}", "true");

        RunResult result = run(config(1, 60, "true # {tests}", provider));

        assertThat(Files.readAllLines(calls)).hasSize(3);
        assertThat(warnings)
                .contains("retrying create of sandbox 0 (attempt 2/3) after 500ms: create command failed:"
                        + " no capacity left")
                .contains("sandbox slot 0 closed: create command failed: no capacity left");
        assertThat(result.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.ERROR);
        assertThat(result.exitCode(false)).isEqualTo(1);
    }

    @Test
    void createThatPrintsNothingIsAnError() throws Exception {
        RunResult result = run(config(1, 60, "true # {tests}", provider("true", "sh -c {command}", "true")));

        assertThat(warnings).contains("sandbox slot 0 closed: create command printed no sandbox id on stdout");
        assertThat(result.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.ERROR);
    }

    @Test
    void destroyThatFailsIsOnlyAWarning() throws Exception {
        String provider = provider("echo sb-1", "sh -c {command}", "echo 'sandbox is stuck' >&2; exit 4");

        RunResult result = run(config(1, 60, "true # {tests}", provider));

        assertThat(result.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.PASSED);
        assertThat(warnings).contains("could not destroy sandbox sb-1: destroy command failed: sandbox is stuck");
        assertThat(result.exitCode(false)).isZero();
    }

    @Test
    void timedOutBatchDestroysAndReplacesItsSandbox() throws Exception {
        Path lifecycle = dir.resolve("lifecycle.log");
        String scripts = "sh " + q(DefaultProviderRunTest.scriptsDir().toString()) + "/";
        Files.createDirectories(dir.resolve("project"));
        String provider = provider(
                scripts + "create.sh " + q(dir.resolve("project").toString()) + " " + q(lifecycle.toString()),
                scripts + "exec.sh {sandbox_id} {command}",
                scripts + "destroy.sh {sandbox_id} " + q(lifecycle.toString()));

        RunResult result =
                run(config(1, 2, "for t in {tests}; do if [ \"$t\" = b ]; then sleep 37; fi; done", provider));

        assertThat(DefaultProviderRunTest.verdicts(result))
                .containsEntry("a", Verdict.PASSED)
                .containsEntry("b", Verdict.FAILED)
                .containsEntry("c", Verdict.PASSED);
        List<String> calls = Files.readAllLines(lifecycle);
        // The whole batch times out, then b alone times out again: each time its sandbox is replaced.
        assertThat(calls.stream().filter(c -> c.equals("create"))).hasSize(3);
        assertThat(calls.stream().filter(c -> c.startsWith("destroy "))).hasSize(3);
        assertThat(ProcessHandle.allProcesses()
                        .map(p -> p.info().commandLine().orElse(""))
                        .filter(c -> c.contains("sleep 37")))
                .isEmpty();
        DefaultProviderRunTest.assertNoSandboxLeft();
    }

    @Test
    void sandboxIdContainingPlaceholdersIsPassedVerbatim() throws Exception {
        Path seen = dir.resolve("seen");
        String id = "odd {sandbox_id} {command} {paths} $(x) `y`";
        String provider = provider(
                "printf '%s\\n' " + q(id) + " # created",
                "printf '%s\\n' {sandbox_id} >> " + q(seen) + " && sh -c {command}",
                "printf 'destroy:%s\\n' {sandbox_id} >> " + q(seen));

        RunResult result = run(config(1, 60, "true # {tests}", provider));

        assertThat(result.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.PASSED);
        assertThat(Files.readAllLines(seen)).containsExactly(id, "destroy:" + id);
    }

    @Test
    void prepareGetsCopyDirFlagsOnceAndItsLastStdoutLineIsTheImageId() throws Exception {
        Path seen = dir.resolve("seen");
        Path prepare = Files.writeString(dir.resolve("prepare.sh"), """
                for arg in "$@"; do echo "arg:$arg" >> "$PREPARE_LOG"; done
                echo "building the image"
                echo "img 42"
                echo
                """);
        String provider = provider(
                        "printf 'sb-%s\\n' {image_id} && printf 'create:%s\\n' {image_id} >> " + q(seen),
                        "sh -c {command}",
                        "printf 'destroy:%s\\n' {sandbox_id} >> " + q(seen))
                + "prepare_command = '''PREPARE_LOG=" + q(seen) + " sh " + q(prepare) + "'''\n"
                + "copy_dirs = [\"fixtures:/srv/fixtures\", \"data dir:/srv/data\"]\n";
        Files.createDirectories(dir.resolve("fixtures"));

        RunResult result = run(config(2, 60, "true # {tests}", provider));

        assertThat(result.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.PASSED);
        List<String> lines = Files.readAllLines(seen);
        // Outside a git repository: one full build from a snapshot of the project (SPEC §13.4 step 3).
        List<String> args =
                lines.stream().filter(line -> line.startsWith("arg:")).toList();
        assertThat(args).hasSize(4);
        assertThat(args.subList(0, 2))
                .containsExactly(
                        "arg:--copy-dir=" + dir.resolve("fixtures") + ":/srv/fixtures",
                        "arg:--copy-dir=" + dir.resolve("data dir") + ":/srv/data");
        assertThat(args.get(2)).startsWith("arg:--context-dir=").doesNotEndWith("=" + dir);
        assertThat(args.get(3)).isEqualTo("arg:--sandbox-project-root=.");
        assertThat(lines).contains("create:img 42", "destroy:sb-img 42");
    }

    @Test
    void prepareThatFailsIsRetriedThenAbortsTheRunWithoutCreatingSandboxes() throws Exception {
        Path calls = dir.resolve("calls");
        String provider = provider("echo created >> " + q(calls) + "; echo sb", "sh -c {command}", "true")
                + "prepare_command = '''echo attempt >> " + q(calls) + "; echo 'no builder' >&2; exit 5'''\n";

        assertThatThrownBy(() -> run(config(1, 60, "true # {tests}", provider)))
                .isInstanceOf(RunAbortedException.class)
                .hasMessage("prepare command failed: no builder");

        assertThat(Files.readAllLines(calls)).containsExactly("attempt", "attempt", "attempt");
        assertThat(warnings)
                .contains("retrying full build (attempt 3/3) after 1000ms: prepare command failed: no builder");
        assertThat(dir.resolve("test-results/summary.json")).content().contains("\"outcome\" : \"error\"");
    }

    @Test
    void cancelledRunDestroysEverySandboxAndLeavesNoProcess() throws Exception {
        Path lifecycle = dir.resolve("lifecycle.log");
        String scripts = "sh " + q(DefaultProviderRunTest.scriptsDir().toString()) + "/";
        Files.createDirectories(dir.resolve("project"));
        String provider = provider(
                scripts + "create.sh " + q(dir.resolve("project").toString()) + " " + q(lifecycle.toString()),
                scripts + "exec.sh {sandbox_id} {command}",
                scripts + "destroy.sh {sandbox_id} " + q(lifecycle.toString()));
        var started = new java.util.concurrent.CountDownLatch(2);
        RunObserver observer = new RunObserver() {
            @Override
            public void batchStarted(int number, int slot, int tests) {
                started.countDown();
            }
        };
        var run = new OffloadRun(
                config(2, 60, "for t in {tests}; do sleep 41; done", provider),
                RunOptions.defaults(),
                observer,
                Clock.systemUTC());
        var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500); // the sleeps have started inside the sandboxes

        run.cancel("interrupted");
        RunResult finished = result.get(60, TimeUnit.SECONDS);

        assertThat(finished.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.NOT_RUN);
        List<String> calls = Files.readAllLines(lifecycle);
        assertThat(calls.stream().filter(c -> c.equals("create"))).hasSize(2);
        assertThat(calls.stream().filter(c -> c.startsWith("destroy "))).hasSize(2);
        assertThat(ProcessHandle.allProcesses()
                        .map(p -> p.info().commandLine().orElse(""))
                        .filter(c -> c.contains("sleep 41")))
                .isEmpty();
        DefaultProviderRunTest.assertNoSandboxLeft();
    }

    private RunResult run(Config config) throws Exception {
        return new OffloadRun(config, RunOptions.defaults(), observer, Clock.systemUTC()).execute();
    }

    private static String q(Object value) {
        return Shell.quote(value.toString());
    }

    /** A {@code [provider]} table; TOML literal strings keep the shell text as written. */
    private static String provider(String create, String exec, String destroy) {
        return """
                [provider]
                type = "default"
                create_command = '''%s'''
                exec_command = '''%s'''
                destroy_command = '''%s'''
                timeout_secs = 30
                """.formatted(create, exec, destroy);
    }

    private Config config(int maxParallel, int timeoutSecs, String runCommand, String provider) throws Exception {
        Path file = Files.writeString(
                dir.resolve("offload.toml"), """
                [offload]
                max_parallel = %d
                test_timeout_secs = %d
                sandbox_project_root = "."
                impatiently_requeue_batches = false

                %s
                [framework]
                type = "default"
                discover_command = "printf 'a\\\\nb\\\\nc\\\\n' # {filters}"
                run_command = '%s'
                test_id_format = "{name}"

                [groups.all]
                retry_count = 0
                """.formatted(maxParallel, timeoutSecs, provider, runCommand));
        var options = new LoadOptions(false, Map.of(), Path.of("test-results"), Optional.empty(), w -> {});
        return ConfigLoader.load(file, options);
    }
}
