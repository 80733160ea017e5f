package dev.offload.core.provider;

import dev.offload.core.config.OffloadSettings;
import dev.offload.core.config.ProviderConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the {@code default} provider needs (SPEC §8.6), resolved once: the five templates (with {@code @script}
 * references already replaced by the config loader), where and how long lifecycle commands run, and the sandbox-side
 * directories.
 *
 * @param prepareFlags appended to the prepare template: one {@code --copy-dir=q(local:remote)} per config copy dir,
 *     then per {@code --copy-dir} option, then {@code --sandbox-init-cmd=q(cmd)} when set (SPEC §13.4)
 * @param destroyMany a command reading sandbox ids on stdin that destroys them all (modal only)
 * @param workingDir where lifecycle and exec commands run on this machine
 * @param timeout limit of each prepare, create, download and destroy command
 * @param projectRoot sandbox-side {@code OFFLOAD_ROOT}
 * @param runTempDir sandbox-side directory for result files ({@code /tmp/offload-<run id>})
 */
public record TemplateCommands(
        Optional<String> prepare,
        List<String> prepareFlags,
        String create,
        String exec,
        String destroy,
        Optional<String> download,
        Optional<String> destroyMany,
        Path workingDir,
        Duration timeout,
        double cpuCores,
        String projectRoot,
        String runTempDir) {

    public TemplateCommands {
        prepareFlags = List.copyOf(prepareFlags);
    }

    /** The settings of a {@code [provider] type = "default"} table. */
    public static TemplateCommands from(
            ProviderConfig.Default provider,
            OffloadSettings offload,
            Path configDir,
            List<String> cliCopyDirs,
            String runTempDir) {
        List<String> flags = new ArrayList<>();
        provider.copyDirs().forEach(dir -> flags.add("--copy-dir=" + Shell.quote(dir.local() + ":" + dir.remote())));
        cliCopyDirs.forEach(dir -> flags.add("--copy-dir=" + Shell.quote(dir)));
        offload.sandboxInitCmd().ifPresent(cmd -> flags.add("--sandbox-init-cmd=" + Shell.quote(cmd)));
        return new TemplateCommands(
                provider.prepareCommand(),
                flags,
                provider.createCommand(),
                provider.execCommand(),
                provider.destroyCommand(),
                provider.downloadCommand(),
                Optional.empty(),
                provider.workingDir().map(Path::of).orElse(configDir),
                Duration.ofSeconds(provider.timeoutSecs()),
                provider.cpuCores(),
                offload.sandboxProjectRoot(),
                runTempDir);
    }

    /** The prepare command with its flags, or empty when there is no {@code prepare_command}. */
    Optional<String> prepareText() {
        return prepare.map(text -> prepareFlags.isEmpty() ? text : text + " " + String.join(" ", prepareFlags));
    }

    String cores() {
        return ShellTemplate.decimal(cpuCores);
    }
}
