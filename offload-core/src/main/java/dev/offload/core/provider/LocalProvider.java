package dev.offload.core.provider;

import dev.offload.core.config.OffloadSettings;
import dev.offload.core.config.ProviderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code local} provider (SPEC §8.5): each slot runs batches as child processes of this JVM. Close it at the end
 * of the run; until then a JVM shutdown hook stops every batch still running (SPEC §8.4).
 */
public final class LocalProvider implements Provider, AutoCloseable {
    /** SIGTERM → SIGKILL delay of SPEC §8.5. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    /** How long a timed-out batch may take to write its report after SIGINT, before SIGTERM. */
    public static final Duration DEFAULT_INTERRUPT_GRACE = Duration.ofSeconds(3);

    private final LocalSettings settings;
    private final Duration grace;
    private final Duration interruptGrace;
    private final LiveProcesses running = new LiveProcesses();
    private final Set<LocalSandbox> sandboxes = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook;

    public LocalProvider(LocalSettings settings) {
        this(settings, DEFAULT_GRACE);
    }

    /** @param grace time between SIGTERM and SIGKILL when a batch is stopped */
    public LocalProvider(LocalSettings settings, Duration grace) {
        this(settings, grace, DEFAULT_INTERRUPT_GRACE);
    }

    /**
     * @param grace time between SIGTERM and SIGKILL when a batch is stopped
     * @param interruptGrace time between SIGINT and SIGTERM when a batch times out
     */
    public LocalProvider(LocalSettings settings, Duration grace, Duration interruptGrace) {
        this.settings = settings;
        this.grace = grace;
        this.interruptGrace = interruptGrace;
        this.shutdownHook = new Thread(() -> running.killAll(grace), "offload-local-cleanup");
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Created while the JVM is already exiting (a cancelled run): there is nothing to protect any more.
        }
    }

    /**
     * Resolves the local provider's directories (SPEC §8.5): batches run in {@code [offload].working_dir}, else the
     * provider {@code working_dir}, else the config directory; {@code OFFLOAD_ROOT} is {@code sandbox_project_root}
     * resolved against the config directory, or the working directory when that is blank.
     *
     * @throws ProviderException when the shell or one of these directories does not exist: found now, not as an
     *     error of every batch
     */
    public static LocalProvider from(
            ProviderConfig.Local provider, OffloadSettings offload, Path configDir, Path runTempDir)
            throws ProviderException {
        Optional<String> dirKey = offload.workingDir().isPresent()
                ? Optional.of("offload.working_dir")
                : provider.workingDir().map(dir -> "provider.working_dir");
        Optional<String> dirValue = offload.workingDir().or(provider::workingDir);
        Path workingDir =
                dirValue.map(dir -> configDir.resolve(dir).normalize()).orElse(configDir);
        if (dirKey.isPresent()) {
            requireDirectory(workingDir, dirKey.get(), dirValue.get());
        }
        // "." is also the loader's default for local (SPEC §4.12 step 2): then OFFLOAD_ROOT is the batch directory.
        String projectRoot = offload.sandboxProjectRoot();
        String root = workingDir.toString();
        if (!projectRoot.isBlank() && !projectRoot.equals(".")) {
            Path resolved = configDir.resolve(projectRoot).normalize();
            requireDirectory(resolved, "offload.sandbox_project_root", projectRoot);
            root = resolved.toString();
        }
        if (Executables.find(provider.shell()).isEmpty()) {
            throw new ProviderException(
                    "provider.shell '" + provider.shell() + "' not found; set [provider] shell to an installed shell");
        }
        return new LocalProvider(new LocalSettings(workingDir, root, provider.shell(), provider.env(), runTempDir));
    }

    private static void requireDirectory(Path dir, String key, String value) throws ProviderException {
        if (!Files.isDirectory(dir)) {
            int dot = key.indexOf('.');
            String resolved = dir.toString().equals(value) ? "" : " (" + dir + ")";
            throw new ProviderException(key + " '" + value + "' is not a directory" + resolved + "; create it or set ["
                    + key.substring(0, dot) + "] " + key.substring(dot + 1) + " to an existing directory");
        }
    }

    /** Warnings for {@code [offload]} keys the local provider ignores (SPEC §8.5), for the caller to print. */
    public static List<String> ignoredSettings(OffloadSettings offload) {
        List<String> warnings = new ArrayList<>();
        offload.sandboxInitCmd()
                .ifPresent(cmd -> warnings.add("[offload].sandbox_init_cmd is ignored by the local provider"));
        offload.postPatchCmd()
                .ifPresent(cmd -> warnings.add("[offload].post_patch_cmd is ignored by the local provider"));
        return List.copyOf(warnings);
    }

    @Override
    public String type() {
        return "local";
    }

    @Override
    public Sandbox create(int slot) {
        LocalSandbox sandbox = new LocalSandbox(slot, settings, grace, interruptGrace, running);
        sandboxes.add(sandbox);
        return sandbox;
    }

    /** Stops what is still running and removes the shutdown hook. */
    @Override
    public void close() {
        sandboxes.forEach(LocalSandbox::stop);
        running.killAll(grace);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to run; it does the same work.
        }
    }
}
