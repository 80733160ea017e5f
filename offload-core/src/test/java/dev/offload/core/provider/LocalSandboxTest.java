package dev.offload.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LocalSandboxTest {
    private static final Duration GRACE = Duration.ofMillis(500);

    @TempDir
    Path dir;

    private LocalProvider provider;
    private Sandbox sandbox;
    private final Lines lines = new Lines();

    @BeforeEach
    void createSandbox() {
        provider = new LocalProvider(
                new LocalSettings(dir, dir.toString(), "/bin/sh", Map.of("FROM_PROVIDER", "p"), dir.resolve("tmp")),
                GRACE);
        sandbox = provider.create(2);
    }

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Test
    void sandboxIsNamedAfterItsSlot() {
        assertThat(sandbox.id()).isEqualTo("local-2");
        assertThat(sandbox.slot()).isEqualTo(2);
        assertThat(sandbox.projectRoot()).isEqualTo(dir.toString());
        assertThat(sandbox.runTempDir()).isEqualTo(dir.resolve("tmp").toString());
    }

    @Test
    void stopDecidedBeforeTheBatchStartsIsHonouredAndStartsNothing() throws Exception {
        var stop = new StopSignal();
        stop.trigger();
        var request = new Sandbox.ExecRequest(
                "touch started", ".", Map.of(), Duration.ofSeconds(30), java.util.Optional.empty(), stop);

        Sandbox.ExecResult result = sandbox.exec(request, lines);

        assertThat(result.stopped()).isTrue();
        assertThat(dir.resolve("started")).doesNotExist();
    }

    @Test
    void stopSignalEndsOnlyItsOwnBatch() throws Exception {
        var first = new StopSignal();
        first.trigger(); // a late stop for an earlier batch must not reach the next one
        var next = new Sandbox.ExecRequest(
                "echo done", ".", Map.of(), Duration.ofSeconds(30), java.util.Optional.empty(), new StopSignal());

        Sandbox.ExecResult result = sandbox.exec(next, lines);

        assertThat(result.stopped()).isFalse();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void linesAreStreamedWhileTheScriptRunsAndPartialLastLineCounts() throws Exception {
        // The script only continues once the listener has seen its first line, so streaming is proven.
        Path go = dir.resolve("go");
        Lines listener = new Lines() {
            @Override
            public void stdout(String line) {
                super.stdout(line);
                if (line.equals("first")) {
                    touch(go);
                }
            }
        };
        String script = "echo first; while [ ! -f go ]; do sleep 0.05; done; echo second; echo 'to err' >&2;"
                + " printf 'ünïcode partial'";

        Sandbox.ExecResult result = sandbox.exec(request(script, Duration.ofSeconds(20)), listener);

        assertThat(result).isEqualTo(new Sandbox.ExecResult(0, false, false));
        assertThat(listener.out).containsExactly("first", "second", "ünïcode partial");
        assertThat(listener.err).containsExactly("to err");
    }

    @Test
    void exitStatusOfTheScriptIsReturned() throws Exception {
        assertThat(sandbox.exec(request("exit 3", Duration.ofSeconds(20)), lines)
                        .exitCode())
                .isEqualTo(3);
    }

    @Test
    void timeoutKillsWholeTreeIncludingTermIgnoringGrandchildAndBackgroundSleep() throws Exception {
        String framework = "sh -c 'trap \"\" TERM; echo $$ > grandchild.pid; while :; do sleep 0.1; done' &\n"
                + "sleep 300 & echo $! > sleep.pid\n"
                + "wait\n";
        String resultDir = dir.resolve("results").toString();
        Sandbox.ExecRequest request = new Sandbox.ExecRequest(
                BatchScript.wrap(framework, resultDir, 1),
                dir.toString(),
                Map.of(),
                Duration.ofSeconds(2),
                Optional.of(BatchScript.pgidFile(resultDir, 1)));

        long start = System.nanoTime();
        Sandbox.ExecResult result = sandbox.exec(request, lines);

        assertThat(result.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(pidIn("grandchild.pid")).isNotEqualTo(0);
        assertDead(pidIn("grandchild.pid"), pidIn("sleep.pid"));
        long pgid = Long.parseLong(
                Files.readString(dir.resolve("results/batch-1.pgid")).trim());
        assertThat(ProcessGroup.members(pgid)).filteredOn(ProcStat::running).isEmpty();
    }

    @Test
    void backgroundProcessLeftByAFinishedBatchIsKilled() throws Exception {
        String resultDir = dir.resolve("results").toString();
        Sandbox.ExecRequest request = new Sandbox.ExecRequest(
                BatchScript.wrap("sleep 300 & echo $! > sleep.pid; exit 4", resultDir, 2),
                dir.toString(),
                Map.of(),
                Duration.ofSeconds(20),
                Optional.of(BatchScript.pgidFile(resultDir, 2)));

        long start = System.nanoTime();
        Sandbox.ExecResult result = sandbox.exec(request, lines);

        assertThat(result).isEqualTo(new Sandbox.ExecResult(4, false, false));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertDead(pidIn("sleep.pid"));
    }

    @Test
    void orphanOfAnUnwrappedScriptIsKilledToo() throws Exception {
        Sandbox.ExecResult result =
                sandbox.exec(request("sleep 300 & echo $! > sleep.pid", Duration.ofSeconds(20)), lines);

        assertThat(result.exitCode()).isZero();
        assertDead(pidIn("sleep.pid"));
    }

    @Test
    void stopFromAnotherThreadEndsTheBatch() throws Exception {
        Lines listener = new Lines() {
            @Override
            public void stdout(String line) {
                super.stdout(line);
                CompletableFuture.runAsync(sandbox::stop);
            }
        };

        Sandbox.ExecResult result = sandbox.exec(
                request(
                        "echo $$ > shell.pid; sleep 300 & echo $! > sleep.pid; echo started; wait",
                        Duration.ofSeconds(30)),
                listener);

        assertThat(result.stopped()).isTrue();
        assertThat(result.timedOut()).isFalse();
        assertDead(pidIn("shell.pid"), pidIn("sleep.pid"));
    }

    @Test
    void interruptingTheCallerKillsTheTreeAndRethrows() throws Exception {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                sandbox.exec(request("sleep 300 & echo $! > sleep.pid; wait", Duration.ofSeconds(30)), lines);
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        caller.start();
        waitForFile("sleep.pid");
        caller.interrupt();

        assertThat(thrown.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertDead(pidIn("sleep.pid"));
    }

    @Test
    void environmentAndWorkingDirectoryComeFromSettingsAndRequest() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub dir"));
        Sandbox.ExecRequest request = new Sandbox.ExecRequest(
                "pwd; echo \"$FROM_PROVIDER $FROM_REQUEST\"; echo \"${HOME:+home is inherited}\";"
                        + " echo \"${OFFLOAD_ROOT-no OFFLOAD_ROOT}\"",
                "sub dir",
                Map.of("FROM_REQUEST", "r $(x) 'q'"),
                Duration.ofSeconds(20));

        sandbox.exec(request, lines);

        assertThat(lines.out)
                .containsExactly(sub.toRealPath().toString(), "p r $(x) 'q'", "home is inherited", "no OFFLOAD_ROOT");
    }

    @Test
    void requestEnvironmentWinsOverProviderEnvironment() throws Exception {
        sandbox.exec(
                new Sandbox.ExecRequest(
                        "echo $FROM_PROVIDER", ".", Map.of("FROM_PROVIDER", "request"), Duration.ofSeconds(20)),
                lines);

        assertThat(lines.out).containsExactly("request");
    }

    @Test
    void missingWorkingDirectoryIsAProviderErrorNamingTheSandbox() {
        assertThatThrownBy(() ->
                        sandbox.exec(new Sandbox.ExecRequest("true", "nope", Map.of(), Duration.ofSeconds(5)), lines))
                .isInstanceOf(ProviderException.class)
                .hasMessageStartingWith("local-2: ")
                .hasMessageContaining("nope");
    }

    @Test
    void downloadCopiesFiles() throws Exception {
        Files.writeString(dir.resolve("result.xml"), "<testsuite/>");
        Path local = dir.resolve("out/nested/result.xml");

        sandbox.download(List.of(new Sandbox.Transfer(dir.resolve("result.xml").toString(), local)));

        assertThat(local).hasContent("<testsuite/>");
    }

    @Test
    void downloadOfMissingFileNamesSandboxAndPath() {
        String missing = dir.resolve("missing.xml").toString();

        assertThatThrownBy(() -> sandbox.download(List.of(new Sandbox.Transfer(missing, dir.resolve("x")))))
                .isInstanceOf(ProviderException.class)
                .hasMessage("local-2: cannot download " + missing + ": no such file");
    }

    @Test
    void destroyStopsTheRunningBatch() throws Exception {
        CompletableFuture<Sandbox.ExecResult> result = CompletableFuture.supplyAsync(() -> {
            try {
                return sandbox.exec(request("sleep 300 & echo $! > sleep.pid; wait", Duration.ofSeconds(30)), lines);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waitForFile("sleep.pid");

        sandbox.destroy();

        assertThat(result.get(20, TimeUnit.SECONDS).stopped()).isTrue();
        assertDead(pidIn("sleep.pid"));
    }

    private Sandbox.ExecRequest request(String script, Duration timeout) {
        return new Sandbox.ExecRequest(script, dir.toString(), Map.of(), timeout);
    }

    private long pidIn(String file) throws Exception {
        waitForFile(file);
        return Long.parseLong(Files.readString(dir.resolve(file)).trim());
    }

    private void waitForFile(String file) throws Exception {
        Path path = dir.resolve(file);
        for (int i = 0;
                i < 200 && (!Files.exists(path) || Files.readString(path).isBlank());
                i++) {
            Thread.sleep(50);
        }
        assertThat(path).isNotEmptyFile();
    }

    private static void assertDead(long... pids) {
        for (long pid : pids) {
            // A zombie waiting for this machine's init to reap it is dead for our purposes.
            assertThat(ProcessHandle.of(pid).filter(ProcStat::running))
                    .as("process %d", pid)
                    .isEmpty();
        }
    }

    private static void touch(Path path) {
        try {
            Files.createFile(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Collects lines; thread-safe because stdout and stderr arrive on different threads. */
    static class Lines implements OutputListener {
        final List<String> out = new CopyOnWriteArrayList<>();
        final List<String> err = new CopyOnWriteArrayList<>();

        @Override
        public void stdout(String line) {
            out.add(line);
        }

        @Override
        public void stderr(String line) {
            err.add(line);
        }
    }
}
