package dev.offload.core.config;

import static dev.offload.core.config.MalformedConfigs.GROUP;
import static dev.offload.core.config.MalformedConfigs.LOCAL;
import static dev.offload.core.config.MalformedConfigs.PYTEST;
import static dev.offload.core.config.MalformedConfigs.REFUSAL_HINT;
import static dev.offload.core.config.MalformedConfigs.TAIL;
import static dev.offload.core.config.MalformedConfigs.add;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The validation rules of SPEC §4.12 and §4.13, in order: each broken rule is refused with exactly one line. */
class ConfigValidationRulesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void brokenRuleIsRefusedWithOneLineMessage(String name, String expected, String toml) {
        MalformedConfigs.assertRefused(dir, expected, toml);
    }

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        // validation, in SPEC order
        add(
                c,
                "non-local provider without sandbox roots",
                "%F: provider type 'modal' needs offload.sandbox_repo_root or offload.sandbox_project_root (where the project lives inside the sandbox, e.g. \"/app\")",
                "[offload]",
                "[provider]",
                "type = \"modal\"",
                PYTEST,
                GROUP);
        add(
                c,
                "max_parallel zero",
                "%F:2:1: offload.max_parallel: must be at least 1, found 0",
                "[offload]",
                "max_parallel = 0",
                TAIL);
        add(
                c,
                "max_parallel negative",
                "%F:2:1: offload.max_parallel: must be at least 1, found -3",
                "[offload]",
                "max_parallel = -3",
                TAIL);
        add(
                c,
                "test_timeout_secs zero",
                "%F:2:1: offload.test_timeout_secs: must be at least 1, found 0",
                "[offload]",
                "test_timeout_secs = 0",
                TAIL);
        add(
                c,
                "max_parallel_collection negative",
                "%F:2:1: offload.max_parallel_collection: must be at least 0, found -1",
                "[offload]",
                "max_parallel_collection = -1",
                TAIL);
        add(
                c,
                "retry_count negative",
                "%F:7:1: groups.all.retry_count: must be at least 0, found -1",
                "[offload]",
                TAIL,
                "retry_count = -1");
        add(
                c,
                "ssh slots zero",
                "%F:6:1: provider.slots_per_host: must be at least 1, found 0",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"ssh\"",
                "hosts = [\"h\"]",
                "slots_per_host = 0",
                PYTEST,
                GROUP);
        add(
                c,
                "cpu_cores zero",
                "%F:6:1: provider.cpu_cores: must be greater than 0, found 0",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"docker\"",
                "image = \"x\"",
                "cpu_cores = 0",
                PYTEST,
                GROUP);
        add(
                c,
                "reservoir_size zero",
                "%F:8:1: history.reservoir_size: must be at least 1, found 0",
                "[offload]",
                TAIL,
                "[history]",
                "reservoir_size = 0");
        add(
                c,
                "default_duration_secs zero",
                "%F:8:1: history.default_duration_secs: must be greater than 0, found 0.0",
                "[offload]",
                TAIL,
                "[history]",
                "default_duration_secs = 0.0");
        add(
                c,
                "discover_command without filters",
                "%F:6:1: framework.discover_command: must contain {filters} so that each group can select its tests, found 'pytest --collect-only -q'",
                "[offload]",
                LOCAL,
                "[framework]",
                "type = \"default\"",
                "discover_command = \"pytest --collect-only -q\"",
                "run_command = \"pytest {tests}\"",
                "test_id_format = \"{name}\"",
                GROUP);
        add(
                c,
                "image_id without prepare_command",
                "%F:5:1: provider.create_command: uses {image_id} but provider.prepare_command is not set (nothing builds an image)",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"default\"",
                "create_command = \"docker run -d {image_id}\"",
                "exec_command = \"ex {command}\"",
                "destroy_command = \"rm\"",
                PYTEST,
                GROUP);
        add(
                c,
                "docker with image and dockerfile",
                "%F:6:1: provider.dockerfile: provider type 'docker' needs exactly one of 'image' and 'dockerfile', found both",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"docker\"",
                "image = \"x\"",
                "dockerfile = \"Dockerfile\"",
                PYTEST,
                GROUP);
        add(
                c,
                "docker with neither image nor dockerfile",
                "%F:4:1: provider.type: provider type 'docker' needs exactly one of 'image' and 'dockerfile', found neither",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"docker\"",
                PYTEST,
                GROUP);
        add(
                c,
                "local shell empty",
                "%F:4:1: provider.shell: must not be empty (batches run as <shell> -c <script>)",
                "[offload]",
                LOCAL,
                "shell = \"\"",
                PYTEST,
                GROUP);
        add(
                c,
                "ssh hosts empty",
                "%F:5:1: provider.hosts: must list at least one host",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"ssh\"",
                "hosts = []",
                PYTEST,
                GROUP);
        add(
                c,
                "copy_dirs entry without colon",
                "%F:6:22: provider.copy_dirs[1]: invalid copy_dirs entry 'data' (expected local:remote)",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"modal\"",
                "include_cwd = true",
                "copy_dirs = [\"a:/a\", \"data\"]",
                PYTEST,
                GROUP);
        add(
                c,
                "checkpoint empty build_inputs",
                "%F:9:1: checkpoint.build_inputs: must list at least one path",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"modal\"",
                PYTEST,
                GROUP,
                "[checkpoint]",
                "build_inputs = []");
        add(
                c,
                "checkpoint with local provider",
                "%F:7:1: checkpoint: [checkpoint] is not supported with provider type 'local' (it builds no images); remove the table",
                "[offload]",
                TAIL,
                "[checkpoint]",
                "build_inputs = [\"Dockerfile\"]");
        add(
                c,
                "checkpoint duplicate build_inputs",
                "%F:9:31: checkpoint.build_inputs[1]: duplicate entry './Dockerfile' (same path as 'Dockerfile')",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"modal\"",
                PYTEST,
                GROUP,
                "[checkpoint]",
                "build_inputs = [\"Dockerfile\", \"./Dockerfile\"]");
        add(
                c,
                "output_dir dot",
                "%F:8:1: report.output_dir: refusing output directory '%DIR' (it is the project root)" + REFUSAL_HINT,
                "[offload]",
                TAIL,
                "[report]",
                "output_dir = \".\"");
        add(
                c,
                "output_dir root",
                "%F:8:1: report.output_dir: refusing output directory '/' (it is the filesystem root)" + REFUSAL_HINT,
                "[offload]",
                TAIL,
                "[report]",
                "output_dir = \"/\"");
        add(
                c,
                "output_dir home",
                "%F:8:1: report.output_dir: refusing output directory '%HOME' (it is your home directory)"
                        + REFUSAL_HINT,
                "[offload]",
                TAIL,
                "[report]",
                "output_dir = '%HOME'");
        add(
                c,
                "output_dir ancestor of the config file",
                "%F:8:1: report.output_dir: refusing output directory '" + "%PARENT"
                        + "' (it contains the configuration file)" + REFUSAL_HINT,
                "[offload]",
                TAIL,
                "[report]",
                "output_dir = \"..\"");
        add(
                c,
                "output_dir is an existing file",
                "%F:8:1: report.output_dir: '%F' exists and is not a directory; choose another path",
                "[offload]",
                TAIL,
                "[report]",
                "output_dir = \"offload.toml\"");
        add(
                c,
                "unbalanced quote in filters",
                "%F:7:1: groups.all.filters: unclosed single quote in '-m 'not slow'",
                "[offload]",
                TAIL,
                "filters = \"-m 'not slow\"");
        add(
                c,
                "junit_file leaving output_dir",
                "%F:3:1: report.junit_file: must be a plain file name inside output_dir such as \"junit.xml\", found '../x.xml'",
                "[offload]",
                "[report]",
                "junit_file = \"../x.xml\"",
                TAIL);
        add(
                c,
                "junit_file absolute",
                "%F:3:1: report.junit_file: must be a plain file name inside output_dir such as \"junit.xml\", found '/tmp/x.xml'",
                "[offload]",
                "[report]",
                "junit_file = \"/tmp/x.xml\"",
                TAIL);
        add(
                c,
                "junit_file in a subdirectory",
                "%F:3:1: report.junit_file: must be a plain file name inside output_dir such as \"junit.xml\", found 'sub/x.xml'",
                "[offload]",
                "[report]",
                "junit_file = \"sub/x.xml\"",
                TAIL);
        add(
                c,
                "env name with an equals sign",
                "%F:4:9: provider.env.A=B: invalid environment variable name 'A=B' (use letters, digits and '_', not starting with a digit)",
                "[offload]",
                "[provider]",
                "type = \"local\"",
                "env = { \"A=B\" = \"x\" }",
                PYTEST,
                GROUP);
        add(
                c,
                "unclosed quote in framework.command",
                "%F:6:1: framework.command: unclosed double quote in 'python -m \"pytest'",
                "[offload]",
                LOCAL,
                "[framework]",
                "type = \"pytest\"",
                "command = 'python -m \"pytest'",
                GROUP);
        add(
                c,
                "unclosed quote in framework.run_args",
                "%F:6:1: framework.run_args: unclosed single quote in '-k 'slow'",
                "[offload]",
                LOCAL,
                "[framework]",
                "type = \"pytest\"",
                "run_args = \"-k 'slow\"",
                GROUP);
        add(
                c,
                "unknown bundled script",
                "%F:5:1: provider.create_command: unknown bundled script '@kube_sandbox.sh' (available: docker_sandbox.sh, modal_sandbox.py, offload_pytest.py, offload_pytest_fork.py, offload_pytest_held.py, offload_vitest_reporter.mjs, ssh_sandbox.sh)",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"default\"",
                "create_command = \"@kube_sandbox.sh create\"",
                "exec_command = \"ex {command}\"",
                "destroy_command = \"rm\"",
                PYTEST,
                GROUP);
        return c.stream();
    }
}
