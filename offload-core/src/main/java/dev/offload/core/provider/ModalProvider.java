package dev.offload.core.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.config.Config;
import dev.offload.core.config.ProviderConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code modal} provider (SPEC §8.7): the {@code default} provider with templates generated for the bundled
 * {@code modal_sandbox.py}, run with {@code uv run} when {@code uv} is on PATH, else with {@code python3}.
 */
final class ModalProvider {
    private static final String SCRIPT = "modal_sandbox.py";
    /** Limit of each helper call other than exec (prepare, create, download, destroy). */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3600);

    private ModalProvider() {}

    static DefaultProvider create(
            Config config, ProviderConfig.Modal modal, String image, String sandboxTemp, Path localTemp)
            throws ProviderException {
        return new DefaultProvider(commands(config, modal, helper(config), sandboxTemp), "modal", image, localTemp);
    }

    /** The command that runs the bundled helper, extracted into {@code {output_dir}/.offload/scripts/}. */
    static String helper(Config config) throws ProviderException {
        Path script = TemplateScripts.extract(SCRIPT, config.report().outputDir());
        return runner() + " " + Shell.quote(script.toString());
    }

    /** {@code uv run} resolves the script's own dependencies; plain python3 needs the Modal SDK installed. */
    private static String runner() {
        return Executables.find("uv").isPresent() ? "uv run" : "python3";
    }

    /** The sandbox templates; images are built by {@link PrepareCommandBuilder} before the provider exists. */
    static TemplateCommands commands(Config config, ProviderConfig.Modal modal, String helper, String sandboxTemp)
            throws ProviderException {
        long lifetime = Math.max(3600, config.offload().testTimeoutSecs() + 600L);
        StringBuilder create = new StringBuilder(helper).append(" create --cpu {cpu_cores} {image_id}");
        modal.memoryGb().ifPresent(gb -> create.append(" --memory-gb ").append(ShellTemplate.decimal(gb)));
        if (!modal.experimentalOptions().isEmpty()) {
            create.append(" --experimental-options ").append(Shell.quote(json(modal)));
        }
        create.append(" --timeout ").append(lifetime);
        return new TemplateCommands(
                create.toString(),
                helper + " exec {sandbox_id} {command}",
                helper + " destroy {sandbox_id}",
                Optional.of(helper + " download {sandbox_id} {paths}"),
                Optional.of(helper + " destroy-many"),
                config.configDir(),
                COMMAND_TIMEOUT,
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
