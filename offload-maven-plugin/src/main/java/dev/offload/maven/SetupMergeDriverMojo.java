package dev.offload.maven;

import dev.offload.core.config.Config;
import dev.offload.core.config.HistoryConfig;
import dev.offload.core.history.MergeDriverSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Configures git to merge the history file with {@code offload:history-merge}: adds {@code <path>
 * merge=offload-history} to the repository's {@code .gitattributes} and registers the driver in its git config. The
 * path is {@code [history].path} (default {@code offload-history.jsonl} beside the config file). Works from any module
 * of the repository; running it twice changes nothing.
 *
 * @since 0.1.0
 */
@Mojo(name = "setup-merge-driver", threadSafe = true)
public class SetupMergeDriverMojo extends AbstractOffloadMojo {
    private static final String DEFAULT_HISTORY = "offload-history.jsonl";

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    void executeGoal() throws MojoExecutionException {
        Path historyFile = historyFile();
        try {
            Path directory = historyFile.getParent();
            Path root = MergeDriverSetup.repositoryRoot(directory);
            for (String line : MergeDriverSetup.configure(directory, historyFile, driverCommand(root))) {
                getLog().info(line);
            }
        } catch (MergeDriverSetup.SetupException e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot configure the merge driver: " + MojoErrors.oneLine(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while running git", e);
        }
    }

    private Path historyFile() throws MojoExecutionException {
        Path configFile = configPath();
        if (!Files.exists(configFile)) {
            return configFile.resolveSibling(DEFAULT_HISTORY);
        }
        Optional<Config> config = loadConfig();
        return config.flatMap(Config::history)
                .map(HistoryConfig::path)
                .orElse(configFile.resolveSibling(DEFAULT_HISTORY))
                .toAbsolutePath()
                .normalize();
    }

    /** SPEC §6.4: git runs drivers at the repository root, so the wrapper there when it exists, else {@code mvn}. */
    private String driverCommand(Path root) {
        String maven = Files.isRegularFile(root.resolve("mvnw")) ? "./mvnw" : "mvn";
        return maven + " -q -N dev.offload:offload-maven-plugin:" + pluginVersion
                + ":history-merge -Doffload.base=%O -Doffload.ours=%A -Doffload.theirs=%B";
    }
}
