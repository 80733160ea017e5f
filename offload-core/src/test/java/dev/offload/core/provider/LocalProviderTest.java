package dev.offload.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offload.core.config.OffloadSettings;
import dev.offload.core.config.ProviderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LocalProviderTest {

    @TempDir
    Path dir;

    @Test
    void offloadWorkingDirWinsOverProviderWorkingDir() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        try (LocalProvider provider =
                LocalProvider.from(local(Optional.of("b")), offload(Optional.of("a"), "."), dir, dir)) {
            assertThat(pwd(provider)).isEqualTo(dir.resolve("a").toRealPath().toString());
        }
    }

    @Test
    void providerWorkingDirIsUsedWhenOffloadHasNone() throws Exception {
        Files.createDirectories(dir.resolve("b"));
        try (LocalProvider provider =
                LocalProvider.from(local(Optional.of("b")), offload(Optional.empty(), "."), dir, dir)) {
            assertThat(pwd(provider)).isEqualTo(dir.resolve("b").toRealPath().toString());
        }
    }

    @Test
    void configDirectoryIsTheDefaultWorkingDirAndProjectRootIsConfigRelative() throws Exception {
        Files.createDirectories(dir.resolve("proj"));
        try (LocalProvider provider =
                LocalProvider.from(local(Optional.empty()), offload(Optional.empty(), "sub/../proj"), dir, dir)) {
            Sandbox sandbox = provider.create(0);
            assertThat(sandbox.id()).isEqualTo("local-0");
            assertThat(sandbox.projectRoot()).isEqualTo(dir.resolve("proj").toString());
            assertThat(pwd(provider)).isEqualTo(dir.toRealPath().toString());
        }
    }

    @Test
    void blankProjectRootMeansTheWorkingDirectory() throws Exception {
        Files.createDirectories(dir.resolve("w"));
        try (LocalProvider provider =
                LocalProvider.from(local(Optional.of("w")), offload(Optional.empty(), ""), dir, dir)) {
            assertThat(provider.create(1).projectRoot())
                    .isEqualTo(dir.resolve("w").toString());
        }
    }

    @Test
    void missingProjectRootIsReportedWithItsKeyBeforeAnyBatch() {
        assertThatThrownBy(
                        () -> LocalProvider.from(local(Optional.empty()), offload(Optional.empty(), "nope"), dir, dir))
                .isInstanceOf(ProviderException.class)
                .hasMessage("offload.sandbox_project_root 'nope' is not a directory (" + dir.resolve("nope")
                        + "); create it or set [offload] sandbox_project_root to an existing directory");
    }

    @Test
    void imageCommandsAreReportedAsIgnored() {
        OffloadSettings settings =
                new OffloadSettings(2, 60, Optional.empty(), ".", ".", Optional.of("make"), Optional.of("x"), true, 0);

        assertThat(LocalProvider.ignoredSettings(settings))
                .containsExactly(
                        "[offload].sandbox_init_cmd is ignored by the local provider",
                        "[offload].post_patch_cmd is ignored by the local provider");
        assertThat(LocalProvider.ignoredSettings(offload(Optional.empty(), ".")))
                .isEmpty();
    }

    @Test
    void closeStopsRunningBatches() throws Exception {
        LocalProvider provider =
                new LocalProvider(new LocalSettings(dir, dir.toString(), "sh", Map.of(), dir), Duration.ofMillis(500));
        Sandbox sandbox = provider.create(0);
        CompletableFuture<Sandbox.ExecResult> result = CompletableFuture.supplyAsync(() -> {
            try {
                return sandbox.exec(
                        new Sandbox.ExecRequest(
                                "sleep 300 & echo $! > sleep.pid; wait", ".", Map.of(), Duration.ofMinutes(1)),
                        OutputListener.DISCARD);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long pid = waitForPid(dir.resolve("sleep.pid"));

        provider.close();

        assertThat(result.get(20, TimeUnit.SECONDS).stopped()).isTrue();
        assertThat(eventuallyGone(pid)).as("sleep %d outlived close()", pid).isTrue();
    }

    @Test
    void jvmShutdownKillsBatchesStillRunning() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ShutdownHookMain.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        long pid = waitForPid(dir.resolve("sleep.pid"));

        child.destroy(); // SIGTERM, as from Ctrl-C or a CI cancel: shutdown hooks run

        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        // A signalled process on a loaded machine may need a moment to be scheduled and die.
        assertThat(eventuallyGone(pid)).as("sleep %d outlived the JVM", pid).isTrue();
    }

    private static boolean eventuallyGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).filter(ProcStat::running).isEmpty()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** A JVM that is terminated while a batch runs. */
    static final class ShutdownHookMain {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            LocalProvider provider = new LocalProvider(
                    new LocalSettings(dir, dir.toString(), "sh", Map.of(), dir), Duration.ofMillis(500));
            provider.create(0)
                    .exec(
                            new Sandbox.ExecRequest(
                                    "sleep 300 & echo $! > sleep.pid; wait", ".", Map.of(), Duration.ofMinutes(1)),
                            OutputListener.DISCARD);
        }
    }

    private static String pwd(LocalProvider provider) throws Exception {
        StringBuilder out = new StringBuilder();
        OutputListener listener = new OutputListener() {
            @Override
            public void stdout(String line) {
                out.append(line);
            }

            @Override
            public void stderr(String line) {}
        };
        Sandbox sandbox = provider.create(0);
        // An empty request directory resolves to the provider's working directory.
        sandbox.exec(new Sandbox.ExecRequest("pwd -P", "", Map.of(), Duration.ofSeconds(20)), listener);
        return out.toString();
    }

    private static long waitForPid(Path file) throws Exception {
        for (int i = 0;
                i < 400 && (!Files.exists(file) || Files.readString(file).isBlank());
                i++) {
            Thread.sleep(50);
        }
        return Long.parseLong(Files.readString(file).trim());
    }

    private static ProviderConfig.Local local(Optional<String> workingDir) {
        return new ProviderConfig.Local(workingDir, Map.of(), "/bin/sh");
    }

    private static OffloadSettings offload(Optional<String> workingDir, String projectRoot) {
        return new OffloadSettings(
                2, 60, workingDir, projectRoot, projectRoot, Optional.empty(), Optional.empty(), true, 0);
    }
}
