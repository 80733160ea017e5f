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
import java.util.TreeMap;

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

    /** {@code offload run} with the config at {@code toml} and default options. */
    static RunResult run(Path toml) throws Exception {
        return new OffloadRun(load(toml), RunOptions.defaults(), RunObserver.NONE, Clock.systemUTC()).execute();
    }

    /** Verdict name per test id. */
    static Map<String, String> verdicts(RunResult result) {
        Map<String, String> verdicts = new TreeMap<>();
        result.outcomes().forEach(o -> verdicts.put(o.test().id(), o.verdict().toString()));
        return verdicts;
    }

    /** The deciding attempt's failure or skip text per test id that has one. */
    static Map<String, String> failureBodies(RunResult result) {
        Map<String, String> bodies = new TreeMap<>();
        for (TestOutcome outcome : result.outcomes()) {
            outcome.decidingAttempt()
                    .flatMap(Attempt::failure)
                    .ifPresent(f -> bodies.put(outcome.test().id(), f.body()));
        }
        return bodies;
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
