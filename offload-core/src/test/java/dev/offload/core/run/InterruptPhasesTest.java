package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.Framework;
import dev.offload.core.framework.Frameworks;
import dev.offload.core.provider.Provider;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.Providers;
import dev.offload.core.provider.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancellation (what SIGINT/SIGTERM and Maven's shutdown hook trigger) in the phases the local provider passes too
 * quickly to hit with a real signal: sandbox pool creation and teardown. The REAL local provider is wrapped to make
 * creation and destruction slow. No sandbox outlives the run, no process is left, every test is NOT_RUN
 * {@code interrupted} when nothing ran.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InterruptPhasesTest {
    @TempDir
    Path dir;

    @Test
    void cancelDuringPoolCreationDestroysSandboxesStillBeingCreated() throws Exception {
        var creating = new CountDownLatch(2);
        var slow = new SlowProvider(real(), Duration.ofMillis(1500), Duration.ZERO, creating);
        var orchestrator = orchestrator(slow);
        CompletableFuture<Orchestrator.Execution> run = CompletableFuture.supplyAsync(() -> execute(orchestrator));
        assertThat(creating.await(20, TimeUnit.SECONDS)).isTrue();

        orchestrator.cancel("interrupted");
        Orchestrator.Execution execution = run.get(30, TimeUnit.SECONDS);

        assertThat(execution.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.NOT_RUN);
        assertThat(execution.outcomes()).extracting(TestOutcome::cause).containsOnly(Optional.of("interrupted"));
        assertThat(slow.destroyed).containsExactlyInAnyOrderElementsOf(slow.created);
        assertThat(FaultInjectionTest.leftoverProcesses(dir.toString())).isEmpty();
    }

    @Test
    void cancelDuringTeardownStillDestroysEverySandbox() throws Exception {
        var slow = new SlowProvider(real(), Duration.ZERO, Duration.ofMillis(1500), new CountDownLatch(0));
        var orchestrator = orchestrator(slow);
        CompletableFuture<Orchestrator.Execution> run = CompletableFuture.supplyAsync(() -> execute(orchestrator));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (slow.destroying.getCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        orchestrator.cancel("interrupted"); // arrives while sandboxes are being destroyed
        Orchestrator.Execution execution = run.get(30, TimeUnit.SECONDS);

        assertThat(execution.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.PASSED);
        assertThat(slow.destroyed).containsExactlyInAnyOrderElementsOf(slow.created);
        assertThat(FaultInjectionTest.leftoverProcesses(dir.toString())).isEmpty();
    }

    private Orchestrator orchestrator(Provider provider) throws Exception {
        Config config = config();
        Framework framework = Frameworks.create(config.framework(), config.configDir());
        var settings = new RunSettings(
                "Intr",
                2,
                Duration.ofSeconds(30),
                false,
                false,
                dir.resolve("out"),
                Map.of(),
                Map.of(),
                Map.of("all", 0),
                Map.of(),
                Duration.ofSeconds(20));
        tests = List.of(
                new DiscoveredTest("a", "all", ""),
                new DiscoveredTest("b", "all", ""),
                new DiscoveredTest("c", "all", ""),
                new DiscoveredTest("d", "all", ""));
        return new Orchestrator(framework, provider, settings, RunObserver.NONE, Clock.systemUTC());
    }

    private List<DiscoveredTest> tests;

    private Orchestrator.Execution execute(Orchestrator orchestrator) {
        try {
            return orchestrator.run(tests, List.of(List.of("a", "b"), List.of("c", "d")));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Provider real() throws Exception {
        Path temp = Files.createDirectories(dir.resolve("tmp"));
        return Providers.create(config(), temp, w -> {});
    }

    private Config config() throws Exception {
        Path file = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2

                [provider]
                type = "local"

                [framework]
                type = "default"
                discover_command = "true {filters}"
                run_command = "true {tests}"
                test_id_format = "{name}"

                [groups.all]
                retry_count = 0
                """);
        return ConfigLoader.load(file, new LoadOptions(false, Map.of(), Path.of("out"), Optional.empty(), w -> {}));
    }

    /** The real local provider with slow creation and destruction, recording both. */
    private static final class SlowProvider implements Provider {
        private final Provider real;
        private final Duration createDelay;
        private final Duration destroyDelay;
        private final CountDownLatch creating;
        final CountDownLatch destroying = new CountDownLatch(1);
        final List<String> created = new CopyOnWriteArrayList<>();
        final List<String> destroyed = new CopyOnWriteArrayList<>();

        SlowProvider(Provider real, Duration createDelay, Duration destroyDelay, CountDownLatch creating) {
            this.real = real;
            this.createDelay = createDelay;
            this.destroyDelay = destroyDelay;
            this.creating = creating;
        }

        @Override
        public String type() {
            return real.type();
        }

        @Override
        public Sandbox create(int slot) throws ProviderException, InterruptedException {
            creating.countDown();
            sleepUninterruptibly(createDelay); // a provider call that cannot be cut short
            Sandbox sandbox = real.create(slot);
            created.add(sandbox.id());
            return new ForwardingSandbox(sandbox) {
                @Override
                public void destroy() throws ProviderException, InterruptedException {
                    destroying.countDown();
                    sleepUninterruptibly(destroyDelay);
                    sandbox.destroy();
                    destroyed.add(sandbox.id());
                }
            };
        }

        @Override
        public void close() {
            real.close();
        }

        private static void sleepUninterruptibly(Duration duration) {
            long end = System.nanoTime() + duration.toNanos();
            boolean interrupted = false;
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
