package dev.offload.maven;

import dev.offload.core.config.Config;
import dev.offload.core.report.LogsQuery;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints results and failure output from the last run's report, like {@code offload logs}.
 *
 * @since 0.1.0
 */
@Mojo(name = "logs", threadSafe = true)
public class LogsMojo extends AbstractOffloadMojo {

    /**
     * Only FAILED tests.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.failures", defaultValue = "false")
    private boolean failures;

    /**
     * Only ERROR and NOT RUN tests.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.errors", defaultValue = "false")
    private boolean errors;

    /**
     * Only FLAKY tests.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.flaky", defaultValue = "false")
    private boolean flaky;

    /**
     * Only these exact test ids (comma list).
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.test")
    private List<String> test;

    /**
     * Only ids matching this regular expression (unanchored).
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.testRegex")
    private String testRegex;

    @Override
    void executeGoal() throws MojoExecutionException {
        Optional<Config> config = loadConfig();
        if (config.isEmpty()) {
            return;
        }
        var filter = new LogsQuery.Filter(
                failures, errors, flaky, test == null ? List.of() : test, Optional.ofNullable(testRegex));
        LogsQuery.Result result = LogsQuery.run(
                config.get().report().outputDir(), config.get().report().junitFile(), filter);
        result.stdout().lines().forEach(getLog()::info);
        if (result.exitCode() != 0) {
            throw new MojoExecutionException(result.stderr().orElse("offload logs failed"));
        }
        result.stderr().ifPresent(getLog()::warn);
    }
}
