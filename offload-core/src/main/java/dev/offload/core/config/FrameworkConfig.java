package dev.offload.core.config;

import java.util.List;
import java.util.Optional;

/** The {@code [framework]} table (SPEC §4.7): one record per {@code type}. */
public sealed interface FrameworkConfig {

    /** The {@code type} value as written in the file. */
    String type();

    /** Maps JUnit {@code name}/{@code classname} attributes to test ids (SPEC §7.1). */
    String testIdFormat();

    /**
     * @param forkBatches {@code fork_batches}: with batches on this machine, fork each one from a pre-imported pytest
     *     (docs/frameworks.md)
     */
    record Pytest(
            Optional<List<String>> paths,
            String command,
            Optional<String> runArgs,
            String testIdFormat,
            boolean forkBatches)
            implements FrameworkConfig {
        /** With {@code fork_batches} at its default (on). */
        public Pytest(Optional<List<String>> paths, String command, Optional<String> runArgs, String testIdFormat) {
            this(paths, command, runArgs, testIdFormat, true);
        }

        @Override
        public String type() {
            return "pytest";
        }
    }

    record Nextest(
            Optional<String> packageName,
            List<String> features,
            Optional<String> bin,
            boolean includeIgnored,
            String testIdFormat)
            implements FrameworkConfig {
        public Nextest {
            features = List.copyOf(features);
        }

        @Override
        public String type() {
            return "nextest";
        }
    }

    record Vitest(String command, Optional<String> runArgs, String testIdFormat) implements FrameworkConfig {
        @Override
        public String type() {
            return "vitest";
        }
    }

    record Default(
            String discoverCommand,
            String runCommand,
            Optional<String> resultFile,
            Optional<String> workingDir,
            String testIdFormat)
            implements FrameworkConfig {
        @Override
        public String type() {
            return "default";
        }
    }

    /**
     * @param classpath test class path entries, resolved against the config directory; may hold {@code *} globs
     * @param classpathCommand shell command printing the class path ({@code :}-separated), for the CLI
     * @param testDirs directories scanned for test classes
     */
    record Junit(
            Optional<List<String>> classpath,
            Optional<List<String>> testDirs,
            String java,
            String jvmArgs,
            Optional<String> sandboxClasspath,
            Granularity granularity,
            Optional<String> classpathCommand)
            implements FrameworkConfig {

        public Junit(
                Optional<List<String>> classpath,
                Optional<List<String>> testDirs,
                String java,
                String jvmArgs,
                Optional<String> sandboxClasspath,
                Granularity granularity) {
            this(classpath, testDirs, java, jvmArgs, sandboxClasspath, granularity, Optional.empty());
        }

        /**
         * This table with the build's class path and test directories where the file sets none (SPEC §4.7: the plugin
         * and the engine default them from the project).
         */
        public Junit withBuildPaths(List<String> buildClasspath, List<String> buildTestDirs) {
            boolean ownClasspath = classpath.isPresent() || classpathCommand.isPresent();
            return new Junit(
                    ownClasspath ? classpath : Optional.of(List.copyOf(buildClasspath)),
                    testDirs.isPresent() ? testDirs : Optional.of(List.copyOf(buildTestDirs)),
                    java,
                    jvmArgs,
                    sandboxClasspath,
                    granularity,
                    classpathCommand);
        }

        @Override
        public String type() {
            return "junit";
        }

        @Override
        public String testIdFormat() {
            return "{name}";
        }

        public enum Granularity {
            CLASS,
            METHOD
        }
    }
}
