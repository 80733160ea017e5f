package dev.offload.core.provider;

import dev.offload.core.config.OffloadSettings;
import dev.offload.core.config.ProviderConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the {@code default} provider's sandboxes need (SPEC §8.6), resolved once: the templates (script
 * references already replaced by the config loader), where and how long lifecycle commands run, and the
 * sandbox-side directories. {@code prepare_command} is not here: images are built before the provider exists, by
 * {@link PrepareCommandBuilder} through the image pipeline (SPEC §13).
 *
 * @param destroyMany a command reading sandbox ids on stdin that destroys them all (modal only)
 * @param workingDir where lifecycle and exec commands run on this machine
 * @param timeout limit of each prepare, create, download and destroy command
 * @param projectRoot sandbox-side {@code OFFLOAD_ROOT}
 * @param runTempDir sandbox-side directory for result files ({@code /tmp/offload-<run id>})
 */
public record TemplateCommands(
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

    /** The settings of a {@code [provider] type = "default"} table. */
    public static TemplateCommands from(
            ProviderConfig.Default provider, OffloadSettings offload, Path configDir, String runTempDir) {
        return new TemplateCommands(
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

    String cores() {
        return ShellTemplate.decimal(cpuCores);
    }
}
