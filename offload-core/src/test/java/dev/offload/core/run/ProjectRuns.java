package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.provider.SandboxImages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loading, building and running a test project's {@code offload.toml} the way the front doors do. */
final class ProjectRuns {
    private ProjectRuns() {}

    /** The config at {@code toml}, reports under {@code test-results}. */
    static Config load(Path toml) throws Exception {
        return ConfigLoader.load(
                toml, new LoadOptions(false, Map.of(), Path.of("test-results"), Optional.empty(), w -> {}));
    }

    /** {@code offload build}: the prepared image id. */
    static String build(Config config, ImageOptions options, List<String> progress, List<String> warnings)
            throws Exception {
        return SandboxImages.prepare(config, options, progress::add, warnings::add)
                .orElseThrow();
    }

    static RunResult run(Config config, ImageOptions options) throws Exception {
        return new OffloadRun(config, RunOptions.defaults(), options, RunObserver.NONE, Clock.systemUTC()).execute();
    }

    /** A run whose phase lines ({@code [prepare] starting: …}) are added to {@code phases}. */
    static RunResult runRecordingPhases(Config config, List<String> phases) throws Exception {
        return new OffloadRun(
                        config,
                        RunOptions.defaults(),
                        new RunObserver() {
                            @Override
                            public void phase(String line) {
                                phases.add(line);
                            }
                        },
                        Clock.systemUTC())
                .execute();
    }
}
