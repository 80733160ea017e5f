package dev.offload.core.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.config.Config;
import dev.offload.core.config.ProviderConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code modal} provider (SPEC §8.7): the {@code default} provider with templates generated for the bundled
 * {@code modal_sandbox.py}, run with {@code uv run} when {@code uv} is on PATH, else with {@code python3}.
 */
final class ModalProvider {
    private static final String SCRIPT = "modal_sandbox.py";

    private ModalProvider() {}

    static DefaultProvider create(
            Config config, ProviderConfig.Modal modal, List<String> cliCopyDirs, String sandboxTemp, Path localTemp)
            throws ProviderException {
        Path script = TemplateScripts.extract(SCRIPT, config.report().outputDir());
        String helper = runner() + " " + Shell.quote(script.toString());
        return new DefaultProvider(commands(config, modal, helper, cliCopyDirs, sandboxTemp), "modal", localTemp);
    }

    /** {@code uv run} resolves the script's own dependencies; plain python3 needs the Modal SDK installed. */
    private static String runner() {
        return Executables.find("uv").isPresent() ? "uv run" : "python3";
    }

    static TemplateCommands commands(
            Config config, ProviderConfig.Modal modal, String helper, List<String> cliCopyDirs, String sandboxTemp)
            throws ProviderException {
        String repoRoot = config.offload().sandboxRepoRoot();
        StringBuilder prepare = new StringBuilder(helper).append(" prepare");
        modal.dockerfile().ifPresent(file -> prepare.append(' ').append(Shell.quote(file)));
        if (modal.includeCwd()) {
            prepare.append(" --include-cwd");
        }
        prepare.append(" --context-dir=").append(Shell.quote(config.configDir().toString()));
        prepare.append(" --sandbox-project-root=").append(Shell.quote(repoRoot));
        List<String> flags = new ArrayList<>();
        modal.copyDirs().forEach(dir -> flags.add("--copy-dir=" + Shell.quote(dir.local() + ":" + dir.remote())));
        cliCopyDirs.forEach(dir -> flags.add("--copy-dir=" + Shell.quote(dir)));
        config.offload().sandboxInitCmd().ifPresent(cmd -> flags.add("--sandbox-init-cmd=" + Shell.quote(cmd)));

        long lifetime = Math.max(3600, config.offload().testTimeoutSecs() + 600L);
        StringBuilder create = new StringBuilder(helper).append(" create --cpu {cpu_cores} {image_id}");
        modal.memoryGb().ifPresent(gb -> create.append(" --memory-gb ").append(ShellTemplate.decimal(gb)));
        if (!modal.experimentalOptions().isEmpty()) {
            create.append(" --experimental-options ").append(Shell.quote(json(modal)));
        }
        create.append(" --timeout ").append(lifetime);
        return new TemplateCommands(
                Optional.of(prepare.toString()),
                flags,
                create.toString(),
                helper + " exec {sandbox_id} {command}",
                helper + " destroy {sandbox_id}",
                Optional.of(helper + " download {sandbox_id} {paths}"),
                Optional.of(helper + " destroy-many"),
                config.configDir(),
                Duration.ofSeconds(3600),
                modal.cpuCores(),
                config.offload().sandboxProjectRoot(),
                sandboxTemp);
    }

    private static String json(ProviderConfig.Modal modal) throws ProviderException {
        try {
            return new ObjectMapper().writeValueAsString(modal.experimentalOptions());
        } catch (JsonProcessingException e) {
            throw new ProviderException("provider.experimental_options cannot be encoded as JSON: " + e.getMessage());
        }
    }
}
