package dev.offload.core.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.config.ShellWords;
import dev.offload.core.provider.Shell;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cargo-nextest (SPEC §7.2): discovery with {@code cargo nextest list --message-format json}, batches selecting their
 * tests with a filterset expression under a tool-config profile {@code offload} that writes JUnit XML and never
 * retries (retries belong to Offload, §10.4).
 */
public final class NextestFramework implements Framework {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CARGO_NEXTEST = List.of("cargo", "nextest");

    private final FrameworkConfig.Nextest config;
    private final Map<String, String> discoveryEnv;

    public NextestFramework(FrameworkConfig.Nextest config) {
        this(config, Map.of());
    }

    /** @param discoveryEnv extra environment for discovery (tests put the cargo-nextest stand-in on PATH) */
    NextestFramework(FrameworkConfig.Nextest config, Map<String, String> discoveryEnv) {
        this.config = config;
        this.discoveryEnv = Map.copyOf(discoveryEnv);
    }

    @Override
    public List<DiscoveredTest> discover(DiscoveryRequest request) throws DiscoveryException, InterruptedException {
        DiscoveryProcess process = new DiscoveryProcess(request, discoveryArgv(request));
        DiscoveryProcess.Output output = process.run(request.directory(), discoveryEnv);
        if (output.exitStatus() != 0) {
            throw process.failure(output);
        }
        return parseList(output.stdout(), request.group());
    }

    List<String> discoveryArgv(DiscoveryRequest request) throws DiscoveryException {
        List<String> argv = new ArrayList<>(CARGO_NEXTEST);
        argv.addAll(List.of("list", "--message-format", "json"));
        argv.addAll(selectionArgs());
        try {
            argv.addAll(ShellWords.split(request.filters()));
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException("invalid filters for group '" + request.group() + "': " + e.getMessage());
        }
        return argv;
    }

    /** {@code [-p P] [--features a,b] [--bin B] [--run-ignored all]}, shared by discovery and batches. */
    private List<String> selectionArgs() {
        List<String> args = new ArrayList<>();
        config.packageName().ifPresent(p -> args.addAll(List.of("-p", p)));
        if (!config.features().isEmpty()) {
            args.addAll(List.of("--features", String.join(",", config.features())));
        }
        config.bin().ifPresent(b -> args.addAll(List.of("--bin", b)));
        if (config.includeIgnored()) {
            args.addAll(List.of("--run-ignored", "all"));
        }
        return args;
    }

    /** Tests of {@code rust-suites.*.testcases} whose {@code filter-match} is absent or {@code matches}. */
    static List<DiscoveredTest> parseList(String stdout, String group) throws DiscoveryException {
        JsonNode root;
        try {
            root = JSON.readTree(stdout);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.path("rust-suites").isObject()) {
            String text = stdout.strip();
            throw new DiscoveryException("discovery failed for group '" + group + "': cargo nextest list did not print"
                    + " a test list (rust-suites): "
                    + (text.length() > 500 ? text.substring(0, 500) + "... (truncated)" : text));
        }
        List<DiscoveredTest> tests = new ArrayList<>();
        for (JsonNode suite : root.path("rust-suites")) {
            String binaryId = suite.path("binary-id").asText();
            Iterator<Map.Entry<String, JsonNode>> cases =
                    suite.path("testcases").fields();
            while (cases.hasNext()) {
                Map.Entry<String, JsonNode> testCase = cases.next();
                JsonNode match = testCase.getValue().path("filter-match");
                if (match.isMissingNode()
                        || "matches".equals(match.path("status").asText())) {
                    tests.add(new DiscoveredTest(binaryId + " " + testCase.getKey(), group, binaryId));
                }
            }
        }
        return List.copyOf(tests);
    }

    @Override
    public BatchCommand batchCommand(BatchRequest request) {
        String result = request.resultDir() + "/batch-" + request.number() + ".xml";
        String toolConfig = request.resultDir() + "/batch-" + request.number() + ".nextest.toml";
        List<String> argv = new ArrayList<>(CARGO_NEXTEST);
        argv.addAll(List.of("run", "--tool-config-file", "offload:" + toolConfig, "--profile", "offload"));
        argv.add(request.failFast() ? "--fail-fast" : "--no-fail-fast");
        argv.addAll(selectionArgs());
        argv.addAll(List.of("-E", NextestFilter.of(request.ids())));
        String script = "printf '%s\\n' " + Shell.join(toolConfigLines(result)) + " > " + Shell.quote(toolConfig)
                + " || exit 1\n"
                + Shell.join(argv) + "\n";
        return new BatchCommand(script, Map.of(), Optional.empty(), Optional.of(result));
    }

    /**
     * Profile {@code offload}: it inherits the repository's {@code [profile.default]}, writes JUnit XML to the batch's
     * result path and never retries, so flakiness reaches Offload's verdicts.
     */
    static List<String> toolConfigLines(String junitPath) {
        return List.of(
                "[profile.offload]", "retries = 0", "", "[profile.offload.junit]", "path = " + tomlString(junitPath));
    }

    /** A TOML basic string. */
    static String tomlString(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    @Override
    public String testIdFormat() {
        return config.testIdFormat();
    }
}
