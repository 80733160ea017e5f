package com.acme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files the tests leave behind, one directory per Surefire execution ({@code IT_RUN}). */
final class Runs {
    private Runs() {}

    static Path dir(String kind) throws IOException {
        Path dir = Path.of("target", kind + "-" + System.getenv().getOrDefault("IT_RUN", "unknown"));
        Files.createDirectories(dir);
        return dir;
    }

    /** Records this JVM's process id for the calling class. */
    static void recordPid(Class<?> test) throws IOException {
        Files.writeString(dir("pids").resolve(test.getSimpleName() + ".pid"), Long.toString(ProcessHandle.current().pid()));
    }
}
