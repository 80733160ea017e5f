package dev.offload.core.config;

/** The {@code [framework]} part of {@link InitTemplate}. */
final class InitFrameworkBlocks {
    private InitFrameworkBlocks() {}

    static String render(String provider, String framework) {
        return switch (framework) {
            case "pytest" -> """
                    [framework]
                    type = "pytest"
                    command = "python -m pytest"
                    # paths = ["tests"]

                    """;
            case "nextest" -> """
                    [framework]
                    type = "nextest"
                    # package = "my-crate"
                    include_ignored = false

                    """;
            case "vitest" -> """
                    [framework]
                    type = "vitest"
                    command = "npx vitest"

                    """;
            case "default" -> """
                    [framework]
                    # discover_command prints one test id per line and must contain {filters}.
                    type = "default"
                    discover_command = 'printf "test1\\ntest2\\n" # {filters}'
                    run_command = 'echo Running {tests}'
                    test_id_format = "{name}"

                    """;
            case "junit" -> junit(provider);
            default -> throw new IllegalArgumentException(framework);
        };
    }

    private static String junit(String provider) {
        String block = """
                [framework]
                # JUnit Platform tests; outside Maven, classpath and test_dirs say where the compiled tests are
                # (e.g. after 'mvn test-compile dependency:copy-dependencies').
                type = "junit"
                classpath = ["target/test-classes", "target/classes", "target/dependency/*.jar"]
                test_dirs = ["target/test-classes"]
                granularity = "class"
                """;
        if (provider.equals("default")) {
            block += "# The classpath as seen inside the sandbox (required with the default provider).\n"
                    + "sandbox_classpath = \"/app/target/test-classes:/app/target/classes:/app/target/dependency/*\"\n";
        }
        return block + "\n";
    }
}
