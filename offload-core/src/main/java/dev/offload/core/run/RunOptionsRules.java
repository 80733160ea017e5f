package dev.offload.core.run;

import dev.offload.core.config.ProviderConfig;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.provider.ImageBuilders;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the per-run options every front door passes (SPEC §5.2, §6.2) before anything starts, so that a bad value is
 * one line naming the option instead of an internal error deep in the run.
 */
final class RunOptionsRules {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** What is wrong and what to do. */
    record Problem(String message, String hint) {}

    private RunOptionsRules() {}

    /** The first problem with these options for this config's provider, if any. */
    static Optional<Problem> problem(RunOptions options, ImageOptions imageOptions, ProviderConfig provider) {
        if (imageOptions.overrideImageId().isPresent() && !ImageBuilders.buildsImages(provider)) {
            return Optional.of(new Problem(
                    "--override-image-id (Maven: offload.overrideImageId) needs a provider that builds images,"
                            + " not '" + provider.type() + "'",
                    "use it with docker, modal or a default provider with prepare_command, or leave it out"));
        }
        return problem(options);
    }

    static Optional<Problem> problem(RunOptions options) {
        if (options.parallel().isPresent() && options.parallel().getAsInt() < 1) {
            return Optional.of(
                    new Problem(
                            "parallel must be at least 1, found "
                                    + options.parallel().getAsInt(),
                            "pass --parallel N (Maven: -Doffload.parallel=N) with N >= 1, or leave it out to use max_parallel"));
        }
        for (Map.Entry<String, String> entry : options.env().entrySet()) {
            String name = entry.getKey();
            if (!ENV_NAME.matcher(name).matches()) {
                return Optional.of(new Problem(
                        "invalid environment variable name '" + name + "' in --env (Maven: offload.env)",
                        "use KEY=VALUE where KEY has letters, digits and '_' and does not start with a digit"));
            }
            if (entry.getValue().indexOf('\0') >= 0) {
                return Optional.of(new Problem(
                        "the value of environment variable '" + name + "' contains a NUL character",
                        "remove it from --env (Maven: offload.env)"));
            }
        }
        return Optional.empty();
    }
}
