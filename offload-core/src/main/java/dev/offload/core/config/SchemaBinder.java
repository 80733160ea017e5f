package dev.offload.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 4 of SPEC §4.2: binds the expanded tree to the {@link Config} records, applying every default of §4.5-§4.11
 * and resolving relative local paths against the config directory (§4.1). Range and cross-key rules are left to
 * {@link ConfigValidator}.
 */
final class SchemaBinder {
    private final ConfigFile file;
    private final LoadOptions options;

    SchemaBinder(ConfigFile file, LoadOptions options) {
        this.file = file;
        this.options = options;
    }

    Config bind(Node tree) throws ConfigException {
        Fields root = new Fields(file, tree);
        Fields offloadTable = root.requiredTable("offload");
        ProviderConfig provider = new ProviderBinder(file, options.environment()).bind(root.requiredTable("provider"));
        FrameworkConfig framework = new FrameworkBinder(file).bind(root.requiredTable("framework"));
        return new Config(
                file.path(),
                file.dir(),
                offload(offloadTable, provider.type().equals("local")),
                provider,
                framework,
                groups(root.requiredTable("groups")),
                report(root.table("report")),
                history(root.table("history")),
                checkpoint(root.table("checkpoint")));
    }

    private OffloadSettings offload(Fields o, boolean local) throws ConfigException {
        Optional<String> repoRoot = o.string("sandbox_repo_root");
        Optional<String> projectRoot = o.string("sandbox_project_root");
        // Each root defaults to the other; the local provider falls back to "." and the others are
        // checked by validation step 2 (an empty string here means "neither was given").
        String fallback = local ? "." : "";
        return new OffloadSettings(
                o.integer("max_parallel", OffloadSettings.DEFAULT_MAX_PARALLEL),
                o.integer("test_timeout_secs", OffloadSettings.DEFAULT_TEST_TIMEOUT_SECS),
                o.string("working_dir").map(file::resolve),
                repoRoot.or(() -> projectRoot).orElse(fallback),
                projectRoot.or(() -> repoRoot).orElse(fallback),
                o.string("sandbox_init_cmd"),
                o.string("post_patch_cmd"),
                o.bool("impatiently_requeue_batches", true),
                o.integer("max_parallel_collection", 0));
    }

    private List<GroupConfig> groups(Fields groups) throws ConfigException {
        List<GroupConfig> result = new ArrayList<>();
        for (Map.Entry<String, Node> entry : groups.node().children().entrySet()) {
            Fields g = groups.table(entry.getKey()).orElseThrow();
            result.add(new GroupConfig(
                    entry.getKey(),
                    g.integer("retry_count", 0),
                    g.string("filters", ""),
                    g.bool("schedule_individual", false)));
        }
        return List.copyOf(result);
    }

    private ReportConfig report(Optional<Fields> table) throws ConfigException {
        Fields r = table.orElseGet(this::emptyTable);
        Path outputDir = Path.of(file.resolve(
                r.string("output_dir").orElse(options.defaultOutputDir().toString())));
        return new ReportConfig(
                outputDir,
                r.bool("junit", true),
                r.string("junit_file", "junit.xml"),
                r.strings("download_globs", List.of()),
                r.bool("download_globs_failure_only", false),
                r.number("cost_per_core_hour"),
                r.bool("html", true));
    }

    private Optional<HistoryConfig> history(Optional<Fields> table) throws ConfigException {
        if (table.isEmpty()) {
            return Optional.empty();
        }
        Fields h = table.get();
        return Optional.of(new HistoryConfig(
                recordMode(h),
                Path.of(file.resolve(h.string("path", "offload-history.jsonl"))),
                h.integer("reservoir_size", 20),
                h.number("default_duration_secs", 1.0)));
    }

    private HistoryConfig.RecordMode recordMode(Fields h) throws ConfigException {
        String value = h.string("record_history", "flag");
        return switch (value) {
            case "flag" -> HistoryConfig.RecordMode.FLAG;
            case "always" -> HistoryConfig.RecordMode.ALWAYS;
            default ->
                throw file.error(
                        h.raw("record_history").orElseThrow(),
                        "expected \"flag\" or \"always\", found \"" + value + "\"");
        };
    }

    private Optional<CheckpointConfig> checkpoint(Optional<Fields> table) throws ConfigException {
        if (table.isEmpty()) {
            return Optional.empty();
        }
        List<String> inputs = table.get()
                .strings("build_inputs")
                .orElseThrow(() -> file.error("missing required key 'checkpoint.build_inputs'"));
        return Optional.of(
                new CheckpointConfig(inputs.stream().map(file::resolve).toList()));
    }

    private Fields emptyTable() {
        return new Fields(file, new Node("report", Map.of(), 1, 1));
    }
}
