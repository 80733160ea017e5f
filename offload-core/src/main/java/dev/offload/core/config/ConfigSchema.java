package dev.offload.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known keys of every table of {@code offload.toml} (SPEC §4.5-§4.11): the one list the binder, the unknown-key
 * check and the configuration reference test share. {@code [provider]} and {@code [framework]} keys depend on {@code
 * type}.
 */
public final class ConfigSchema {
    private ConfigSchema() {}

    public static final List<String> ROOT =
            List.of("offload", "provider", "framework", "groups", "report", "history", "checkpoint");

    public static final List<String> OFFLOAD = List.of(
            "max_parallel",
            "test_timeout_secs",
            "working_dir",
            "sandbox_repo_root",
            "sandbox_project_root",
            "sandbox_init_cmd",
            "post_patch_cmd",
            "impatiently_requeue_batches",
            "max_parallel_collection");

    /** Keys of {@code [provider]} per {@code type}, in SPEC order; {@code type} itself is known for every type. */
    public static final Map<String, List<String>> PROVIDER = ordered(
            "local", List.of("type", "working_dir", "env", "shell"),
            "default",
                    List.of(
                            "type",
                            "prepare_command",
                            "create_command",
                            "exec_command",
                            "destroy_command",
                            "download_command",
                            "working_dir",
                            "timeout_secs",
                            "copy_dirs",
                            "env",
                            "cpu_cores"),
            "modal",
                    List.of(
                            "type",
                            "dockerfile",
                            "include_cwd",
                            "copy_dirs",
                            "env",
                            "cpu_cores",
                            "memory_gb",
                            "experimental_options"),
            "docker",
                    List.of(
                            "type",
                            "image",
                            "dockerfile",
                            "include_cwd",
                            "copy_dirs",
                            "cpu_cores",
                            "memory_gb",
                            "network",
                            "env",
                            "run_args",
                            "docker_host"),
            "ssh",
                    List.of(
                            "type",
                            "hosts",
                            "slots_per_host",
                            "identity_file",
                            "ssh_options",
                            "remote_dir",
                            "copy_dirs",
                            "env",
                            "cpu_cores"));

    /** Keys of {@code [framework]} per {@code type}, in SPEC order. */
    public static final Map<String, List<String>> FRAMEWORK = ordered(
            "pytest", List.of("type", "paths", "command", "run_args", "test_id_format", "fork_batches"),
            "nextest", List.of("type", "package", "features", "bin", "include_ignored", "test_id_format"),
            "vitest", List.of("type", "command", "run_args", "test_id_format"),
            "default",
                    List.of("type", "discover_command", "run_command", "result_file", "working_dir", "test_id_format"),
            "junit",
                    List.of(
                            "type",
                            "classpath",
                            "classpath_command",
                            "test_dirs",
                            "java",
                            "jvm_args",
                            "sandbox_classpath",
                            "granularity"));

    public static final List<String> GROUP = List.of("retry_count", "filters", "schedule_individual");

    public static final List<String> REPORT = List.of(
            "output_dir",
            "junit",
            "junit_file",
            "download_globs",
            "download_globs_failure_only",
            "cost_per_core_hour",
            "html");

    public static final List<String> HISTORY =
            List.of("record_history", "path", "reservoir_size", "default_duration_secs");

    public static final List<String> CHECKPOINT = List.of("build_inputs");

    /** The known keys of the table at {@code tableKey} ("" for the root, "groups.NAME" for a group). */
    static Optional<List<String>> keysOf(String tableKey, String providerType, String frameworkType) {
        if (tableKey.startsWith("groups.")) {
            return Optional.of(GROUP);
        }
        return switch (tableKey) {
            case "" -> Optional.of(ROOT);
            case "offload" -> Optional.of(OFFLOAD);
            case "provider" -> Optional.ofNullable(PROVIDER.get(providerType));
            case "framework" -> Optional.ofNullable(FRAMEWORK.get(frameworkType));
            case "report" -> Optional.of(REPORT);
            case "history" -> Optional.of(HISTORY);
            case "checkpoint" -> Optional.of(CHECKPOINT);
            default -> Optional.empty();
        };
    }

    private static Map<String, List<String>> ordered(Object... typeAndKeys) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < typeAndKeys.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) typeAndKeys[i + 1];
            map.put((String) typeAndKeys[i], keys);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
