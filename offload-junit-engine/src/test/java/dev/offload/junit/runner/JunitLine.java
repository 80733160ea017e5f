package dev.offload.junit.runner;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A JUnit line the runner is tested with: Platform 6.1 (this build's own, from the test class path) or Platform 1.10
 * / Jupiter 5.10 (copied into {@code target/junit-5.10} by the build).
 */
enum JunitLine {
    PLATFORM_6,
    PLATFORM_1_10;

    /** The JUnit jars (launcher, engines, APIs, opentest4j, apiguardian). */
    List<Path> jars() throws IOException {
        if (this == PLATFORM_1_10) {
            Path dir = Path.of("target", "junit-5.10");
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".jar"))
                        .map(Path::toAbsolutePath)
                        .sorted()
                        .toList();
            }
        }
        // Surefire hides the class path in a manifest jar: find each jar through a class it holds.
        List<Path> jars = new ArrayList<>();
        for (String name : List.of(
                "org.junit.platform.launcher.Launcher",
                "org.junit.platform.engine.TestEngine",
                "org.junit.platform.commons.util.ReflectionUtils",
                "org.junit.jupiter.api.Test",
                "org.junit.jupiter.engine.JupiterTestEngine",
                "org.junit.jupiter.params.ParameterizedTest",
                "org.opentest4j.AssertionFailedError",
                "org.apiguardian.api.API")) {
            try {
                jars.add(Path.of(Class.forName(name)
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI()));
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException("not on the test class path: " + name, e);
            }
        }
        return jars;
    }

    /** The runner's own classes, as a sandbox gets them (the engine module's output directory). */
    static Path runnerClasses() {
        return Path.of("target", "classes").toAbsolutePath();
    }
}
