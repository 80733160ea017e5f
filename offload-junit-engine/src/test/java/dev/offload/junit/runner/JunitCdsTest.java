package dev.offload.junit.runner;

import static dev.offload.junit.runner.RunnerFixtures.method;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.framework.JunitCds;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Class-data sharing for batch JVMs: a real warm-up JVM writes the archive, real batch JVMs map it. */
@Timeout(300)
class JunitCdsTest {
    @TempDir
    Path dir;

    @Test
    void batchJvmsLoadTheJunitClassesFromTheArchiveMadeOnce() throws Exception {
        var fixtures = new RunnerFixtures(dir, JunitLine.PLATFORM_6);
        Path cache = dir.resolve("cache");
        List<Path> classpath = classpathWithRunnerJar(fixtures);

        JunitCds cds = JunitCds.plan(java(), List.of(), classpath, cache).orElseThrow();
        List<String> args = cds.jvmArgs();

        assertThat(args).contains("-XX:SharedArchiveFile=" + cds.archive(), "-Xshare:auto");
        assertThat(cds.archive()).isRegularFile();
        // HotSpot archives jars only: the archived jars lead the class path, the fixture classes follow.
        assertThat(cds.classpath()).last().isEqualTo(fixtures.classes);
        List<String> loaded = batchClassLoads(fixtures, cds, args);
        assertThat(loaded)
                .filteredOn(l -> l.contains("org.junit.jupiter.engine.JupiterTestEngine "))
                .singleElement()
                .asString()
                .contains("shared objects file");
        assertThat(fixtures.testcases()).containsKey(method("PassingTest", "printsToStdout()"));

        Object made =
                Files.readAttributes(cds.archive(), BasicFileAttributes.class).fileKey();
        JunitCds again = JunitCds.plan(java(), List.of(), classpath, cache).orElseThrow();
        assertThat(again.jvmArgs()).isEqualTo(args);
        // Reused, not made again (a new archive is a new file moved into place).
        assertThat(Files.readAttributes(again.archive(), BasicFileAttributes.class)
                        .fileKey())
                .isEqualTo(made);
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).containsExactly(cds.archive());
        }
    }

    @Test
    void aNewArchiveKeepsTheSixteenMostRecentlyUsedInTheCache() throws Exception {
        var fixtures = new RunnerFixtures(dir, JunitLine.PLATFORM_6);
        Path cache = Files.createDirectories(dir.resolve("cache"));
        for (int i = 0; i < 20; i++) {
            Path old = Files.writeString(cache.resolve("old" + i + ".jsa"), "x");
            Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
        }

        JunitCds cds = JunitCds.plan(java(), List.of(), classpathWithRunnerJar(fixtures), cache)
                .orElseThrow();
        cds.jvmArgs();

        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(16)
                    .contains(cds.archive().getFileName().toString(), "old19.jsa", "old5.jsa")
                    .doesNotContain("old4.jsa", "old0.jsa");
        }
    }

    @Test
    void aJvmThatRefusesLeavesBatchesWithoutTheArchiveAndIsNotAskedAgain() throws Exception {
        var fixtures = new RunnerFixtures(dir, JunitLine.PLATFORM_6);
        Path cache = dir.resolve("cache");
        List<Path> classpath = classpathWithRunnerJar(fixtures);

        JunitCds cds = JunitCds.plan(java(), List.of("-XX:+NoSuchOption"), classpath, cache)
                .orElseThrow();

        assertThat(cds.jvmArgs()).isEmpty();
        assertThat(cds.archive()).doesNotExist();
        assertThat(cache.resolve(cds.archive().getFileName() + ".failed"))
                .content()
                .contains("NoSuchOption");
        JunitCds again = JunitCds.plan(java(), List.of("-XX:+NoSuchOption"), classpath, cache)
                .orElseThrow();
        assertThat(again.jvmArgs()).isEmpty();
    }

    @Test
    void aRunnerFromAClassesDirectoryMeansNoArchive() throws Exception {
        var fixtures = new RunnerFixtures(dir, JunitLine.PLATFORM_6);

        assertThat(JunitCds.plan(java(), List.of(), fixtures.classpath(), dir.resolve("cache")))
                .isEmpty();
    }

    /** The project's JUnit jars, its classes, and the runner packed as the offload-junit-engine jar. */
    private List<Path> classpathWithRunnerJar(RunnerFixtures fixtures) throws IOException {
        List<Path> classpath = new ArrayList<>(fixtures.line.jars());
        classpath.add(fixtures.classes);
        classpath.add(runnerJar());
        return classpath;
    }

    private Path runnerJar() throws IOException {
        Path jar = dir.resolve("offload-junit-engine-0.0.jar");
        Path classes = JunitLine.runnerClasses();
        try (var out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void copy(Path file, OutputStream out) throws IOException {
        Files.copy(file, out);
    }

    /** Runs the fixtures' PassingTest as a batch with the archive and returns the JVM's class+load log. */
    private List<String> batchClassLoads(RunnerFixtures fixtures, JunitCds cds, List<String> args) throws Exception {
        Path ids = Files.writeString(dir.resolve("ids.txt"), method("PassingTest", "printsToStdout()") + "\n");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(args);
        command.addAll(List.of("-Xlog:class+load=info:file=" + dir.resolve("loads.txt"), "-cp"));
        command.add(FixtureProject.join(cds.classpath()));
        command.add(BatchRunner.class.getName());
        command.addAll(List.of("--result", fixtures.result().toString(), "--ids", ids.toString()));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("batch.log").toFile())
                .start();
        assertThat(process.waitFor())
                .as(Files.readString(dir.resolve("batch.log")))
                .isZero();
        return Files.readAllLines(dir.resolve("loads.txt"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
