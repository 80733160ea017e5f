package dev.offload.junit.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The classpath each batch JVM gets (SPEC §16.2): {@code offload.classpath}, else Surefire's
 * {@code surefire.test.class.path}, else this JVM's {@code java.class.path} with manifest {@code Class-Path} entries
 * expanded (Surefire may start forks with a manifest-only jar).
 */
final class TestClasspath {
    private TestClasspath() {}

    static List<String> resolve(Optional<String> parameter) {
        String raw = parameter
                .filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getProperty("surefire.test.class.path")))
                .filter(s -> !s.isBlank())
                .orElse(System.getProperty("java.class.path", ""));
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : raw.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
                entries.addAll(manifestClassPath(Path.of(entry)));
            }
        }
        return List.copyOf(entries);
    }

    /** Entries of a jar's manifest {@code Class-Path} (URLs relative to the jar), resolved to paths. */
    static List<String> manifestClassPath(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                out.add(toPath(jar, url));
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    private static String toPath(Path jar, String url) {
        java.net.URI base = jar.toAbsolutePath().getParent().toUri();
        java.net.URI uri = base.resolve(url);
        return "file".equals(uri.getScheme()) ? Path.of(uri).toString() : url;
    }
}
