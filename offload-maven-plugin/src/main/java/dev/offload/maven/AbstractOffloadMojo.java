package dev.offload.maven;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * What every {@code offload:} goal shares (SPEC §6.2): the configuration file, strict mode and skipping. Goals
 * are thin adapters: they read parameters, call offload-core and map its exceptions through {@link MojoErrors}.
 */
abstract class AbstractOffloadMojo extends AbstractMojo {
    private static final String DEFAULT_CONFIG_NAME = "offload.toml";

    /**
     * The Offload configuration file (default {@code ${project.basedir}/offload.toml}, or {@code ./offload.toml}
     * when Maven runs without a project). Relative paths inside it resolve against the directory holding it.
     *
     * @since 0.1.0
     */
    // No defaultValue: without a project (init), ${project.basedir} stays unresolved, so configPath() applies it.
    @Parameter(property = "offload.config")
    private File config;

    /**
     * Treat unknown keys in the configuration file as errors instead of warnings.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.strict", defaultValue = "false")
    private boolean strict;

    /**
     * Skip this goal (every {@code offload:} goal honours it except {@code help}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** Resolves a junit-platform-launcher matching the project's JUnit Platform (see {@link JunitBuildPaths}). */
    @Component
    private RepositorySystem repositorySystem;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Offload: offload.skip is true.");
            return;
        }
        executeGoal();
    }

    /** The goal itself, run unless {@code offload.skip} is set. */
    abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    /** What the user should do when the configuration does not load; goals other than validate point to it. */
    String configErrorHint() {
        return "Run 'mvn offload:validate' to check " + configPath() + ".";
    }

    Path configPath() {
        Path path = config != null ? config.toPath() : projectDirectory().resolve(DEFAULT_CONFIG_NAME);
        return path.toAbsolutePath().normalize();
    }

    /** The project's base directory, or the directory Maven was started in when there is no project. */
    private Path projectDirectory() {
        File basedir = project.getBasedir();
        return basedir != null ? basedir.toPath() : Path.of(session.getExecutionRootDirectory());
    }

    MavenProject project() {
        return project;
    }

    /**
     * Loads and validates the configuration, or returns empty for a {@code pom} module without one (SPEC §6.2): an
     * aggregator usually has nothing to test and must not fail the reactor.
     */
    Optional<Config> loadConfig() throws MojoExecutionException {
        Path path = configPath();
        if (!Files.exists(path)) {
            if ("pom".equals(project.getPackaging())) {
                getLog().info("Skipping Offload in pom module " + project.getArtifactId() + ": no " + path);
                return Optional.empty();
            }
            throw MojoErrors.missingConfig(path);
        }
        try {
            Config loaded = ConfigLoader.load(path, loadOptions());
            return Optional.of(JunitBuildPaths.apply(loaded, project, session, repositorySystem, getLog()));
        } catch (ConfigException e) {
            throw MojoErrors.configuration(e, configErrorHint());
        }
    }

    private LoadOptions loadOptions() {
        Path outputDir = Path.of(project.getBuild().getDirectory(), "offload");
        return new LoadOptions(
                strict,
                System.getenv(),
                outputDir,
                Optional.of(projectDirectory()),
                warning -> getLog().warn(warning),
                // The run goals take junit classpath and test_dirs from the project, so the file may omit them.
                true);
    }
}
