package dev.offload.core.provider;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code default} provider (SPEC §8.6): every sandbox operation is one of the user's shell templates, run on this
 * machine with {@code sh -c}. Batches stream through a local shell (the exec template's process), so a batch runs
 * with the local provider's timeout, SIGINT/SIGTERM/SIGKILL and cleanup of that local process tree; the remote side
 * cannot be signalled, so a stopped or timed-out sandbox is destroyed and replaced.
 */
public final class DefaultProvider implements Provider {
    /** Modal's CPU rate in USD per core-second, also used for shell templates (SPEC §8.10). */
    public static final double PRICE_PER_CORE_SECOND = 0.00003942;

    private final TemplateCommands commands;
    private final String type;
    private final LocalProvider localShell;
    private final String image;
    private volatile String createFlags = "";

    /**
     * @param type the provider type for messages ({@code default}, or {@code modal} whose templates are generated)
     * @param image the prepared image (SPEC §13) for {@code {image_id}}; empty without {@code prepare_command}
     * @param localRunTempDir this machine's run temp directory, for the local shells that run exec templates
     */
    public DefaultProvider(TemplateCommands commands, String type, String image, Path localRunTempDir)
            throws ProviderException {
        if (!Files.isDirectory(commands.workingDir())) {
            throw new ProviderException("provider.working_dir '" + commands.workingDir()
                    + "' is not a directory; create it or set [provider] working_dir to an existing directory");
        }
        this.commands = commands;
        this.type = type;
        this.image = image;
        // The exec template is a local process: run it exactly as the local provider runs a batch script.
        this.localShell = new LocalProvider(new LocalSettings(
                commands.workingDir(), commands.workingDir().toString(), "/bin/sh", Map.of(), localRunTempDir));
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Sandbox create(int slot) throws ProviderException, InterruptedException {
        String text = ShellTemplate.fill(
                        commands.create(), Map.of("image_id", Shell.quote(image), "cpu_cores", commands.cores()))
                + createFlags;
        var done = LifecycleCommand.run("create command", text, commands.workingDir(), commands.timeout(), new byte[0]);
        if (done.exitCode() != 0) {
            throw new ProviderException(done.failure("create command"));
        }
        String id = done.stdoutText().strip();
        if (id.isEmpty()) {
            throw new ProviderException("create command printed no sandbox id on stdout");
        }
        return new TemplateSandbox(id, slot, commands, localShell.create(slot));
    }

    /**
     * Modal's {@code create} copies directories into the new sandbox ({@code --copy-dir}, SPEC §7.3); user-written
     * templates have no such step, so the {@code default} provider needs {@code sandbox_classpath} instead.
     */
    @Override
    public boolean uploadAtCreation(SandboxUpload upload) {
        if (!type.equals("modal")) {
            return false;
        }
        String remote = upload.remoteDir(commands.runTempDir());
        createFlags = " --copy-dir=" + Shell.quote(upload.localDir() + ":" + remote);
        return true;
    }

    /** One {@code destroy-many} command with the ids on stdin; it always succeeds, so every sandbox counts as gone. */
    @Override
    public boolean destroyMany(List<Sandbox> sandboxes, Duration limit) throws ProviderException, InterruptedException {
        if (commands.destroyMany().isEmpty()) {
            return false;
        }
        StringBuilder ids = new StringBuilder();
        for (Sandbox sandbox : sandboxes) {
            if (sandbox instanceof TemplateSandbox template) {
                template.stopLocally();
            }
            ids.append(sandbox.id()).append('\n');
        }
        Duration timeout = limit.compareTo(commands.timeout()) < 0 ? limit : commands.timeout();
        var done = LifecycleCommand.run(
                "destroy-many command",
                commands.destroyMany().get(),
                commands.workingDir(),
                timeout,
                ids.toString().getBytes(StandardCharsets.UTF_8));
        if (done.exitCode() != 0) {
            throw new ProviderException(done.failure("destroy-many command"));
        }
        sandboxes.stream()
                .filter(TemplateSandbox.class::isInstance)
                .forEach(sandbox -> ((TemplateSandbox) sandbox).markDestroyed());
        return true;
    }

    @Override
    public double pricePerCoreSecond() {
        return PRICE_PER_CORE_SECOND;
    }

    @Override
    public double cpuCores() {
        return commands.cpuCores();
    }

    /** Kills exec templates still running on this machine; the sandboxes themselves are destroyed before this. */
    @Override
    public void close() {
        localShell.close();
    }
}
