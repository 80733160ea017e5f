package dev.offload.junit.runner;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * The Jupiter test classes under {@code src/test/resources/runner-fixtures}, compiled at test time against one
 * {@link JunitLine}. They are sources, not test classes of this module, so nothing here ever runs them in the build's
 * own JVM (one of them calls {@code System.exit}).
 */
final class FixtureProject {
    private FixtureProject() {}

    /** Compiles the fixtures into {@code dir}/classes and returns that directory. */
    static Path compile(Path dir, JunitLine line) throws IOException {
        Path sources = Path.of("src", "test", "resources", "runner-fixtures");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args =
                new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-cp", join(line.jars())));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        var errors = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("fixture compilation failed: " + errors.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    static String join(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** A JVM run to completion. */
    record Jvm(int status, String stdout, String stderr) {}

    /** Runs {@code mainClass} in a fresh JVM with the given class path. */
    static Jvm java(List<Path> classpath, String mainClass, List<String> args, Path dir)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                join(classpath),
                mainClass));
        command.addAll(args);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        int status = process.waitFor();
        return new Jvm(
                status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
