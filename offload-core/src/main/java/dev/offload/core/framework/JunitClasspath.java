package dev.offload.core.framework;

import dev.offload.core.config.FrameworkConfig;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The class path of the junit framework's discovery and batches (SPEC §7.3): the project's entries (from
 * {@code classpath}, globs expanded, or from {@code classpath_command}), the offload-junit-engine jar that holds the
 * runner, and a junit-platform-launcher of the project's Platform version when the project has none.
 */
final class JunitClasspath {
    static final String RUNNER_CLASS = "dev.offload.junit.runner.BatchRunner";
    static final String DISCOVERY_CLASS = "dev.offload.junit.runner.Discovery";
    private static final String LAUNCHER = "junit-platform-launcher";
    private static final String ENGINE = "junit-platform-engine";

    private JunitClasspath() {}

    /** The project's entries, in order. */
    static List<Path> projectEntries(FrameworkConfig.Junit config, Path configDir)
            throws DiscoveryException, InterruptedException {
        List<String> raw;
        if (config.classpath().isPresent()) {
            raw = config.classpath().get();
        } else if (config.classpathCommand().isPresent()) {
            raw = fromCommand(config.classpathCommand().get(), configDir);
        } else {
            throw new DiscoveryException("the junit framework has no class path: set framework.classpath or"
                    + " framework.classpath_command in the config file");
        }
        List<Path> entries = new ArrayList<>();
        for (String entry : raw) {
            entries.addAll(expand(configDir.resolve(entry)));
        }
        return entries;
    }

    /** Project entries plus the runner and, when missing, a launcher. */
    static List<Path> withRunner(List<Path> project) throws DiscoveryException {
        List<Path> all = new ArrayList<>(project);
        if (project.stream().noneMatch(p -> isJar(p, LAUNCHER))) {
            all.add(launcherFor(project));
        }
        all.add(runnerLocation());
        return all;
    }

    static String join(List<Path> entries) {
        return String.join(
                File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    /** Where this process loads the runner from: the offload-junit-engine jar (or its classes directory). */
    static Path runnerLocation() throws DiscoveryException {
        return codeSource(RUNNER_CLASS)
                .orElseThrow(() -> new DiscoveryException("the junit framework needs the offload-junit-engine jar"
                        + " next to offload-core (it holds " + RUNNER_CLASS + "); use the offload CLI jar or the Maven"
                        + " plugin, which include it"));
    }

    /**
     * The project's Platform version decides the launcher: the one next to its junit-platform-engine jar in a Maven
     * repository layout, else the launcher Offload itself was built with (which fits Platform 6.x projects).
     */
    private static Path launcherFor(List<Path> project) throws DiscoveryException {
        for (Path entry : project) {
            if (isJar(entry, ENGINE)) {
                String version = entry.getParent().getFileName().toString();
                Path sibling = entry.getParent()
                        .getParent()
                        .resolveSibling(LAUNCHER)
                        .resolve(version)
                        .resolve(LAUNCHER + "-" + version + ".jar");
                if (Files.isRegularFile(sibling)) {
                    return sibling;
                }
            }
        }
        return codeSource("org.junit.platform.launcher.Launcher")
                .orElseThrow(() -> new DiscoveryException(
                        "the test class path has no junit-platform-launcher: add org.junit.platform:" + LAUNCHER
                                + " (the version of your junit-platform-engine) to the test dependencies"));
    }

    private static boolean isJar(Path entry, String artifact) {
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
        return name.startsWith(artifact + "-") && name.endsWith(".jar");
    }

    private static Optional<Path> codeSource(String className) {
        try {
            Class<?> type = Class.forName(className, false, JunitClasspath.class.getClassLoader());
            return Optional.of(Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** A {@code *} in the file name part matches jars and directories there, sorted; anything else is kept. */
    private static List<Path> expand(Path entry) throws DiscoveryException {
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
        if (!name.contains("*") && !name.contains("?")) {
            return List.of(entry.normalize());
        }
        Path dir = entry.getParent();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw new DiscoveryException(
                    "cannot list " + dir + " for class path entry " + entry + ": " + e.getMessage());
        }
    }

    private static List<String> fromCommand(String command, Path configDir)
            throws DiscoveryException, InterruptedException {
        var process = new DiscoveryProcess("classpath_command", List.of("/bin/sh", "-c", command));
        DiscoveryProcess.Output output = process.run(configDir, Map.of());
        if (output.exitStatus() != 0) {
            throw process.failure(output);
        }
        List<String> entries = new ArrayList<>();
        for (String line : output.stdout().split("\\R")) {
            for (String entry : line.strip().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        if (entries.isEmpty()) {
            throw new DiscoveryException("framework.classpath_command printed no class path: " + command);
        }
        return entries;
    }
}
