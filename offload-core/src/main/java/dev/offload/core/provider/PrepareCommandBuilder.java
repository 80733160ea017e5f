package dev.offload.core.provider;

import dev.offload.core.config.Config;
import dev.offload.core.config.ProviderConfig;
import dev.offload.core.config.ProviderConfig.CopyDir;
import dev.offload.core.image.BaseImage;
import dev.offload.core.image.ImageBuilder;
import dev.offload.core.image.ImageException;
import dev.offload.core.image.IncrementalImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link ImageBuilder} of the {@code default} and {@code modal} providers (SPEC §8.6, §8.7, §13.4): every build is
 * one run of a prepare command on this machine, whose last non-empty stdout line is the image id. A base (or full) build
 * appends {@code [--copy-dir=q(local:remote)]… [--sandbox-init-cmd=q(cmd)] --context-dir=q(dir)
 * --sandbox-project-root=q(root)}; a thin-diff build appends {@code --from-base-image=q(id)
 * --sandbox-project-root=q(root) [--patch-file=q(p)] [--post-patch-cmd=q(c)]}. The bundled {@code modal_sandbox.py}
 * understands both forms, and so must a user's {@code prepare_command}.
 */
final class PrepareCommandBuilder implements ImageBuilder {
    private final String command;
    private final boolean modal;
    private final boolean includeCwd;
    private final boolean holdsProject;
    private final Path workingDir;
    private final Duration timeout;

    /**
     * @param command the command the flags are appended to ({@code prepare_command}, or {@code <helper> prepare})
     * @param modal whether the Dockerfile goes first and {@code --include-cwd} is passed (the bundled helper)
     */
    private PrepareCommandBuilder(
            String command,
            boolean modal,
            boolean includeCwd,
            boolean holdsProject,
            Path workingDir,
            Duration timeout) {
        this.command = command;
        this.modal = modal;
        this.includeCwd = includeCwd;
        this.holdsProject = holdsProject;
        this.workingDir = workingDir;
        this.timeout = timeout;
    }

    static PrepareCommandBuilder forDefault(Config config, ProviderConfig.Default provider) throws ProviderException {
        TemplateScripts.extractReferenced(provider, config.report().outputDir());
        return new PrepareCommandBuilder(
                provider.prepareCommand().orElseThrow(),
                false,
                false,
                true,
                provider.workingDir().map(Path::of).orElse(config.configDir()),
                Duration.ofSeconds(provider.timeoutSecs()));
    }

    static PrepareCommandBuilder forModal(Config config, ProviderConfig.Modal provider) throws ProviderException {
        return new PrepareCommandBuilder(
                ModalProvider.helper(config) + " prepare",
                true,
                provider.includeCwd(),
                provider.includeCwd() || provider.dockerfile().isPresent(),
                config.configDir(),
                ModalProvider.COMMAND_TIMEOUT);
    }

    /**
     * The project reaches a modal image with {@code include_cwd} or through its Dockerfile (as with docker); what a
     * {@code prepare_command} puts in its image is unknown, so it always gets the patch and decides.
     */
    @Override
    public boolean holdsProject() {
        return holdsProject;
    }

    @Override
    public String buildBase(BaseImage build, Consumer<String> log) throws ImageException, InterruptedException {
        StringBuilder text = new StringBuilder(command);
        if (modal) {
            build.dockerfile()
                    .map(file -> file.isAbsolute() ? file : build.context().resolve(file))
                    .ifPresent(file -> text.append(' ').append(Shell.quote(file.toString())));
            if (includeCwd) {
                text.append(" --include-cwd");
            }
        }
        for (CopyDir dir : build.copyDirs()) {
            text.append(" --copy-dir=").append(Shell.quote(dir.local() + ":" + dir.remote()));
        }
        build.sandboxInitCmd()
                .ifPresent(cmd -> text.append(" --sandbox-init-cmd=").append(Shell.quote(cmd)));
        text.append(" --context-dir=").append(Shell.quote(build.context().toString()));
        text.append(" --sandbox-project-root=").append(Shell.quote(build.repoRoot()));
        return run(text.toString(), log);
    }

    @Override
    public String buildIncremental(IncrementalImage build, Consumer<String> log)
            throws ImageException, InterruptedException {
        StringBuilder text = new StringBuilder(command);
        text.append(" --from-base-image=").append(Shell.quote(build.baseImage()));
        text.append(" --sandbox-project-root=").append(Shell.quote(build.repoRoot()));
        build.patch().ifPresent(patch -> text.append(" --patch-file=").append(Shell.quote(patch.toString())));
        build.postPatchCmd().ifPresent(cmd -> text.append(" --post-patch-cmd=").append(Shell.quote(cmd)));
        return run(text.toString(), log);
    }

    /** Runs the command; its stderr goes to the build output as it comes, the last non-empty stdout line is the id. */
    private String run(String text, Consumer<String> log) throws ImageException, InterruptedException {
        LifecycleCommand.Completed done;
        try {
            done = LifecycleCommand.run("prepare command", text, workingDir, timeout, new byte[0], line -> {
                if (!line.isBlank()) {
                    log.accept(line.stripTrailing());
                }
            });
        } catch (ProviderException e) {
            throw new ImageException(e.getMessage(), e);
        }
        if (done.exitCode() != 0) {
            throw new ImageException(done.failure("prepare command"));
        }
        Optional<String> id = done.stdoutText()
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .reduce((first, second) -> second);
        return id.orElseThrow(() -> new ImageException("prepare command printed no image id on stdout"));
    }
}
