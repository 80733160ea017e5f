package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The junit class path as shipped to sandboxes on another filesystem (SPEC §7.3). */
class ClasspathStagingTest {
    @TempDir
    Path dir;

    @Test
    void jarsAreCopiedUnderAContentHashAndKeepTheClasspathOrder() throws IOException {
        Path a = jar(dir.resolve("repo/a/lib-a-1.0.jar"), "a.txt", "A");
        Path b = jar(dir.resolve("repo/b/lib-b-2.0.jar"), "b.txt", "B");

        var staged = ClasspathStaging.stage(List.of(b, a), dir.resolve("out/classpath"));

        assertThat(staged.names()).hasSize(2);
        assertThat(staged.names().get(0)).matches("[0-9a-f]{16}-lib-b-2\\.0\\.jar");
        assertThat(staged.names().get(1)).matches("[0-9a-f]{16}-lib-a-1\\.0\\.jar");
        assertThat(Files.readAllBytes(staged.dir().resolve(staged.names().get(1))))
                .isEqualTo(Files.readAllBytes(a));
        assertThat(staged.bytes()).isEqualTo(Files.size(a) + Files.size(b));
        assertThat(Files.list(staged.dir()).toList()).hasSize(2); // no temp files left behind
    }

    @Test
    void theSameContentListedTwiceIsShippedOnce() throws IOException {
        Path a = jar(dir.resolve("repo/a/lib-1.0.jar"), "a.txt", "A");
        Path copy = dir.resolve("elsewhere/lib-1.0.jar");
        Files.createDirectories(copy.getParent());
        Files.copy(a, copy);

        var staged = ClasspathStaging.stage(List.of(a, copy, a), dir.resolve("out/classpath"));

        assertThat(staged.names()).hasSize(1);
        assertThat(Files.readString(dir.resolve("out/classpath.index")).lines())
                .containsExactly(staged.names().get(0) + "\t" + a);
    }

    @Test
    void differentJarsWithTheSameFileNameBothSurvive() throws IOException {
        Path first = jar(dir.resolve("one/util.jar"), "x.txt", "one");
        Path second = jar(dir.resolve("two/util.jar"), "x.txt", "two");

        var staged = ClasspathStaging.stage(List.of(first, second), dir.resolve("out/classpath"));

        assertThat(staged.names()).hasSize(2).allMatch(name -> name.endsWith("-util.jar"));
        assertThat(staged.names().get(0)).isNotEqualTo(staged.names().get(1));
        // Order decides which one a class loader sees first: still the first entry.
        assertThat(resource(staged, "x.txt")).isEqualTo("one");
    }

    @Test
    void classDirectoriesArePackedAsJarsThatAClassLoaderReads() throws IOException {
        Path classes = dir.resolve("target/test-classes");
        Files.createDirectories(classes.resolve("com/acme"));
        Files.writeString(classes.resolve("com/acme/greeting.txt"), "hello");
        Files.writeString(classes.resolve("top.properties"), "k=v");

        var staged = ClasspathStaging.stage(List.of(classes), dir.resolve("out/classpath"));

        assertThat(staged.names()).singleElement().asString().matches("[0-9a-f]{16}-test-classes\\.jar");
        try (var jar = new JarFile(staged.dir().resolve(staged.names().get(0)).toFile())) {
            assertThat(jar.stream().map(ZipEntry::getName))
                    .containsExactly("com/", "com/acme/", "com/acme/greeting.txt", "top.properties");
        }
        assertThat(resource(staged, "com/acme/greeting.txt")).isEqualTo("hello");
    }

    @Test
    void aDirectoryPackedTwiceGivesTheSameNameSoReRunsShipTheSameBytes() throws IOException {
        Path classes = dir.resolve("target/classes");
        Files.createDirectories(classes.resolve("p"));
        Files.writeString(classes.resolve("p/A.class"), "bytes");

        var first = ClasspathStaging.stage(List.of(classes), dir.resolve("one/classpath"));
        Files.setLastModifiedTime(classes.resolve("p/A.class"), java.nio.file.attribute.FileTime.fromMillis(0));
        var second = ClasspathStaging.stage(List.of(classes), dir.resolve("two/classpath"));

        assertThat(second.names()).isEqualTo(first.names());
    }

    @Test
    void pathsWithSpacesAndColonsBecomePlainNamesTheSandboxClasspathNeedsNoQuotingFor() throws IOException {
        Path spaced = jar(dir.resolve("my libs/odd name:v1 'q'.jar"), "s.txt", "S");
        Path classes = dir.resolve("build dir/test classes");
        Files.createDirectories(classes);
        Files.writeString(classes.resolve("r.txt"), "R");

        var staged = ClasspathStaging.stage(List.of(spaced, classes), dir.resolve("out dir/classpath"));

        assertThat(staged.names()).hasSize(2).allMatch(name -> name.matches("[A-Za-z0-9._-]+"));
        assertThat(staged.names().get(0)).endsWith("-odd_name_v1__q_.jar");
        assertThat(staged.names().get(1)).endsWith("-test_classes.jar");
        assertThat(resource(staged, "s.txt")).isEqualTo("S");
        assertThat(resource(staged, "r.txt")).isEqualTo("R");
    }

    @Test
    void missingEntriesAreSkippedAsTheJvmSkipsThem() throws IOException {
        Path a = jar(dir.resolve("a.jar"), "a.txt", "A");

        var staged = ClasspathStaging.stage(
                List.of(dir.resolve("target/classes"), a, dir.resolve("gone.jar")), dir.resolve("out/classpath"));

        assertThat(staged.names()).singleElement().asString().endsWith("-a.jar");
    }

    @Test
    void anUnreadableEntryIsNamedInTheError() throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        Files.createSymbolicLink(classes.resolve("loop"), classes);

        assertThatThrownBy(() -> ClasspathStaging.stage(List.of(classes), dir.resolve("out/classpath")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot stage class path entry " + classes + ":");
    }

    private static String resource(ClasspathStaging.Staged staged, String name) throws IOException {
        URL[] urls = staged.names().stream()
                .map(n -> {
                    try {
                        return staged.dir().resolve(n).toUri().toURL();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
        try (var loader = new URLClassLoader(urls, null);
                var in = loader.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path jar(Path path, String entry, String content) throws IOException {
        Files.createDirectories(path.getParent());
        try (var zip = new ZipOutputStream(Files.newOutputStream(path))) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return path;
    }
}
