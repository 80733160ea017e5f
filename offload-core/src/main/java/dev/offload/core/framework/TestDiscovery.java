package dev.offload.core.framework;

import dev.offload.core.config.Config;
import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.config.GroupConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Discovers every group's tests (SPEC §7.1): at most {@code max_parallel_collection} groups at a time, results
 * concatenated in group file order, an id selected by two groups kept in the first.
 */
public final class TestDiscovery {
    /** Bound on waiting for cancelled discoveries to be killed (kill grace plus the provider's kill limit). */
    private static final long KILL_WAIT_SECONDS = 10;

    private TestDiscovery() {}

    public static List<DiscoveredTest> discoverAll(
            Framework framework, Config config, Path tempDir, Consumer<String> warnings)
            throws DiscoveryException, InterruptedException {
        Path directory = discoveryDirectory(config);
        List<GroupConfig> groups = config.groups();
        int concurrency = config.offload().maxParallelCollection() == 0
                ? Runtime.getRuntime().availableProcessors()
                : config.offload().maxParallelCollection();
        Duration timeout = Duration.ofSeconds(config.offload().testTimeoutSecs());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, groups.size())));
        try {
            List<Future<List<DiscoveredTest>>> perGroup = new ArrayList<>();
            for (GroupConfig group : groups) {
                var request = new DiscoveryRequest(group.name(), group.filters(), directory, tempDir, timeout);
                perGroup.add(pool.submit(() -> framework.discover(request)));
            }
            List<List<DiscoveredTest>> found = new ArrayList<>();
            for (Future<List<DiscoveredTest>> future : perGroup) {
                found.add(await(future));
            }
            return merge(groups, found, warnings);
        } finally {
            pool.shutdownNow();
            // Interrupted workers kill their discovery's process group; wait for that before the run goes on (or the
            // JVM exits), so that no discovery process outlives Offload.
            awaitKilled(pool);
        }
    }

    private static void awaitKilled(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            pool.awaitTermination(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The local directory discovery runs in: the config directory, or the default framework's working_dir. */
    public static Path discoveryDirectory(Config config) {
        if (config.framework() instanceof FrameworkConfig.Default shell
                && shell.workingDir().isPresent()) {
            return config.configDir().resolve(shell.workingDir().get()).normalize();
        }
        return config.configDir();
    }

    private static List<DiscoveredTest> await(Future<List<DiscoveredTest>> future)
            throws DiscoveryException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DiscoveryException discovery) {
                throw discovery;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException("discovery failed unexpectedly", e.getCause());
        }
    }

    private static List<DiscoveredTest> merge(
            List<GroupConfig> groups, List<List<DiscoveredTest>> found, Consumer<String> warnings) {
        Map<String, DiscoveredTest> byId = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            String group = groups.get(i).name();
            if (found.get(i).isEmpty()) {
                warnings.accept("group '" + group + "' selected no tests");
            }
            for (DiscoveredTest test : found.get(i)) {
                DiscoveredTest first = byId.putIfAbsent(test.id(), test);
                if (first != null && !first.group().equals(group)) {
                    warnings.accept("test '%s' is selected by groups '%s' and '%s'; it stays in '%s'"
                            .formatted(test.id(), first.group(), group, first.group()));
                }
            }
        }
        return List.copyOf(byId.values());
    }
}
