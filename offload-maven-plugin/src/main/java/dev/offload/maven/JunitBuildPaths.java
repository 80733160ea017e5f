package dev.offload.maven;

import dev.offload.core.config.Config;
import dev.offload.core.config.FrameworkConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * The junit framework's defaults from the project (SPEC §4.7, §6.4): its test class path and test output directory,
 * plus a junit-platform-launcher matching the project's Platform version when the project does not declare one
 * (Offload's own launcher only fits Platform 6 projects).
 */
final class JunitBuildPaths {
    private static final String PLATFORM = "org.junit.platform";

    private JunitBuildPaths() {}

    static Config apply(Config config, MavenProject project, MavenSession session, RepositorySystem system, Log log) {
        if (!(config.framework() instanceof FrameworkConfig.Junit)) {
            return config;
        }
        List<String> classpath;
        try {
            classpath = new ArrayList<>(project.getTestClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            return config; // goals without test resolution (validate) need no class path
        }
        launcher(project, session, system, log).ifPresent(classpath::add);
        return config.withJunitBuildPaths(classpath, List.of(project.getBuild().getTestOutputDirectory()));
    }

    private static Optional<String> launcher(
            MavenProject project, MavenSession session, RepositorySystem system, Log log) {
        Optional<Artifact> engine = Optional.empty();
        for (Artifact artifact : project.getArtifacts()) {
            if (PLATFORM.equals(artifact.getGroupId())) {
                if ("junit-platform-launcher".equals(artifact.getArtifactId())) {
                    return Optional.empty();
                }
                if ("junit-platform-engine".equals(artifact.getArtifactId())) {
                    engine = Optional.of(artifact);
                }
            }
        }
        if (engine.isEmpty() || system == null) {
            return Optional.empty();
        }
        var request = new ArtifactRequest(
                new DefaultArtifact(
                        PLATFORM, "junit-platform-launcher", "jar", engine.get().getVersion()),
                project.getRemoteProjectRepositories(),
                null);
        try {
            return Optional.of(system.resolveArtifact(session.getRepositorySession(), request)
                    .getArtifact()
                    .getFile()
                    .getAbsolutePath());
        } catch (ArtifactResolutionException e) {
            log.warn("Cannot resolve " + PLATFORM + ":junit-platform-launcher:"
                    + engine.get().getVersion()
                    + " for the project's JUnit Platform (" + e.getMessage() + "); add it to the test dependencies"
                    + " if discovery fails.");
            return Optional.empty();
        }
    }
}
