package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each malformed file is refused with exactly one line naming the file and, where TOML gives one, the line and column
 * ({@code %F} stands for the file name as given).
 */
class MalformedConfigTest {
    private static final String REFUSAL_HINT =
            "; Offload deletes its own files there, so choose a dedicated directory such as \"test-results\"";
    private static final String[] LOCAL = {"[provider]", "type = \"local\""};
    private static final String[] PYTEST = {"[framework]", "type = \"pytest\""};
    private static final String[] GROUP = {"[groups.all]"};
    private static final String[] TAIL = concat(LOCAL, PYTEST, GROUP);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedConfigurationIsRefusedWithOneLineMessage(String name, String expected, String toml) {
        ConfigFixture fixture = new ConfigFixture(dir);
        fixture.environment = Map.of("SET", "value");
        fixture.write(toml.replace("%HOME", System.getProperty("user.home")));

        assertThatThrownBy(fixture::load)
                .isInstanceOf(ConfigException.class)
                .hasMessage(expected.replace("%F", fixture.name())
                        .replace("%DIR", dir.toString())
                        .replace("%PARENT", dir.getParent().toString())
                        .replace("%HOME", System.getProperty("user.home")));
    }

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        // TOML syntax
        add(c, "unclosed table header", "%F:1:9: Unexpected end of line, expected ]", "[offload");
        add(
                c,
                "key defined twice",
                "%F:3:1: max_parallel previously defined at line 2, column 1",
                "[offload]",
                "max_parallel = 1",
                "max_parallel = 2",
                TAIL);
        add(
                c,
                "unterminated string",
                "%F:2:31: Unexpected end of line, expected \" or a character",
                "[offload]",
                "sandbox_init_cmd = \"make setup",
                TAIL);
        // types
        add(
                c,
                "max_parallel string",
                "%F:2:1: offload.max_parallel: expected integer, found string",
                "[offload]",
                "max_parallel = \"4\"",
                TAIL);
        add(
                c,
                "max_parallel float",
                "%F:2:1: offload.max_parallel: expected integer, found float",
                "[offload]",
                "max_parallel = 2.5",
                TAIL);
        add(
                c,
                "max_parallel too large",
                "%F:2:1: offload.max_parallel: integer 99999999999 is out of range",
                "[offload]",
                "max_parallel = 99999999999",
                TAIL);
        add(
                c,
                "test_timeout_secs boolean",
                "%F:2:1: offload.test_timeout_secs: expected integer, found boolean",
                "[offload]",
                "test_timeout_secs = true",
                TAIL);
        add(
                c,
                "requeue string",
                "%F:2:1: offload.impatiently_requeue_batches: expected boolean, found string",
                "[offload]",
                "impatiently_requeue_batches = \"yes\"",
                TAIL);
        add(
                c,
                "init cmd integer",
                "%F:2:1: offload.sandbox_init_cmd: expected string, found integer",
                "[offload]",
                "sandbox_init_cmd = 3",
                TAIL);
        add(
                c,
                "working_dir date",
                "%F:2:1: offload.working_dir: expected string, found local date",
                "[offload]",
                "working_dir = 2024-01-01",
                TAIL);
        add(c, "offload not a table", "%F:1:1: offload: expected table, found string", "offload = \"fast\"", TAIL);
        add(
                c,
                "provider not a table",
                "%F:1:1: provider: expected table, found string",
                "provider = \"local\"",
                "[offload]",
                PYTEST,
                GROUP);
        add(
                c,
                "env value integer",
                "%F:4:9: provider.env.A: expected string, found integer",
                "[offload]",
                LOCAL,
                "env = { A = 1 }",
                PYTEST,
                GROUP);
        add(
                c,
                "docker cpu_cores string",
                "%F:5:1: provider.cpu_cores: expected float, found string",
                "[offload]",
                "[provider]",
                "type = \"docker\"",
                "image = \"x\"",
                "cpu_cores = \"2\"",
                PYTEST,
                GROUP);
        add(
                c,
                "pytest paths string",
                "%F:6:1: framework.paths: expected array, found string",
                "[offload]",
                LOCAL,
                PYTEST,
                "paths = \"tests\"",
                GROUP);
        add(
                c,
                "pytest paths element integer",
                "%F:6:15: framework.paths[1]: expected string, found integer",
                "[offload]",
                LOCAL,
                PYTEST,
                "paths = [\"a\", 1]",
                GROUP);
        add(
                c,
                "retry_count string",
                "%F:7:1: groups.all.retry_count: expected integer, found string",
                "[offload]",
                TAIL,
                "retry_count = \"2\"");
        add(
                c,
                "filters array",
                "%F:7:1: groups.all.filters: expected string, found array",
                "[offload]",
                TAIL,
                "filters = [\"-k x\"]");
        add(
                c,
                "schedule_individual integer",
                "%F:7:1: groups.all.schedule_individual: expected boolean, found integer",
                "[offload]",
                TAIL,
                "schedule_individual = 1");
        add(
                c,
                "group not a table",
                "%F:7:1: groups.all: expected table, found integer",
                "[offload]",
                LOCAL,
                PYTEST,
                "[groups]",
                "all = 1");
        add(
                c,
                "report junit string",
                "%F:8:1: report.junit: expected boolean, found string",
                "[offload]",
                TAIL,
                "[report]",
                "junit = \"yes\"");
        add(
                c,
                "reservoir float",
                "%F:8:1: history.reservoir_size: expected integer, found float",
                "[offload]",
                TAIL,
                "[history]",
                "reservoir_size = 1.5");
        add(
                c,
                "default duration string",
                "%F:8:1: history.default_duration_secs: expected float, found string",
                "[offload]",
                TAIL,
                "[history]",
                "default_duration_secs = \"1\"");
        add(
                c,
                "granularity unknown",
                "%F:6:1: framework.granularity: expected \"class\" or \"method\", found \"package\"",
                "[offload]",
                LOCAL,
                "[framework]",
                "type = \"junit\"",
                "granularity = \"package\"",
                "classpath = [\"a\"]",
                "test_dirs = [\"b\"]",
                GROUP);
        add(
                c,
                "record_history unknown",
                "%F:8:1: history.record_history: expected \"flag\" or \"always\", found \"sometimes\"",
                "[offload]",
                TAIL,
                "[history]",
                "record_history = \"sometimes\"");
        // required keys and tables
        add(c, "missing offload", "%F: missing required key 'offload'", TAIL);
        add(c, "missing provider", "%F: missing required key 'provider'", "[offload]", PYTEST, GROUP);
        add(c, "missing framework", "%F: missing required key 'framework'", "[offload]", LOCAL, GROUP);
        add(c, "missing groups", "%F: missing required key 'groups'", "[offload]", LOCAL, PYTEST);
        add(
                c,
                "missing provider type",
                "%F: missing required key 'provider.type'",
                "[offload]",
                "[provider]",
                "shell = \"/bin/sh\"",
                PYTEST,
                GROUP);
        add(
                c,
                "unknown provider type",
                "%F:3:1: provider.type: unknown provider type 'kubernetes' (expected one of local, default, modal, docker, ssh)",
                "[offload]",
                "[provider]",
                "type = \"kubernetes\"",
                PYTEST,
                GROUP);
        add(
                c,
                "unknown framework type",
                "%F:5:1: framework.type: unknown framework type 'mocha' (expected one of pytest, nextest, vitest, default, junit)",
                "[offload]",
                LOCAL,
                "[framework]",
                "type = \"mocha\"",
                GROUP);
        add(
                c,
                "empty groups",
                "%F:6:1: groups: at least one [groups.NAME] table is required",
                "[offload]",
                LOCAL,
                PYTEST,
                "[groups]");
        add(
                c,
                "default framework without run_command",
                "%F: missing required key 'framework.run_command'",
                "[offload]",
                LOCAL,
                "[framework]",
                "type = \"default\"",
                "discover_command = \"ls {filters}\"",
                "test_id_format = \"{name}\"",
                GROUP);
        add(
                c,
                "default framework without test_id_format",
                "%F: missing required key 'framework.test_id_format'",
                "[offload]",
                LOCAL,
                "[framework]",
                "type = \"default\"",
                "discover_command = \"ls {filters}\"",
                "run_command = \"echo {tests}\"",
                GROUP);
        add(
                c,
                "default provider without create_command",
                "%F: missing required key 'provider.create_command'",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"default\"",
                "exec_command = \"sh -c {command}\"",
                "destroy_command = \"true\"",
                PYTEST,
                GROUP);
        add(
                c,
                "ssh without hosts",
                "%F: missing required key 'provider.hosts'",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"ssh\"",
                PYTEST,
                GROUP);
        add(
                c,
                "checkpoint without build_inputs",
                "%F: missing required key 'checkpoint.build_inputs'",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"modal\"",
                PYTEST,
                GROUP,
                "[checkpoint]");
        add(
                c,
                "junit on the CLI without classpath",
                "%F: missing required key 'framework.classpath' (the junit framework needs classpath and test_dirs outside Maven)",
                "[offload]",
                LOCAL,
                "[framework]",
                "type = \"junit\"",
                "test_dirs = [\"b\"]",
                GROUP);
        add(
                c,
                "junit with default provider without sandbox_classpath",
                "%F: missing required key 'framework.sandbox_classpath' (the junit framework needs it with provider type 'default')",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"default\"",
                "create_command = \"mk\"",
                "exec_command = \"ex {command}\"",
                "destroy_command = \"rm\"",
                "[framework]",
                "type = \"junit\"",
                "classpath = [\"a\"]",
                "test_dirs = [\"b\"]",
                GROUP);
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
                "unknown bundled script",
                "%F:5:1: provider.create_command: unknown bundled script '@kube_sandbox.sh' (available: docker_sandbox.sh, modal_sandbox.py, offload_pytest.py, ssh_sandbox.sh)",
                "[offload]",
                "sandbox_repo_root = \"/app\"",
                "[provider]",
                "type = \"default\"",
                "create_command = \"@kube_sandbox.sh create\"",
                "exec_command = \"ex {command}\"",
                "destroy_command = \"rm\"",
                PYTEST,
                GROUP);
        // expansion
        add(
                c,
                "unset variable",
                "%F:2:1: offload.sandbox_init_cmd: environment variable 'UNSET_VAR' is not set",
                "[offload]",
                "sandbox_init_cmd = \"make ${UNSET_VAR}\"",
                TAIL);
        return c.stream();
    }

    private static void add(List<Arguments> cases, String name, String expected, Object... lines) {
        List<String> all = new ArrayList<>();
        for (Object line : lines) {
            if (line instanceof String[] block) {
                all.addAll(Arrays.asList(block));
            } else {
                all.add((String) line);
            }
        }
        cases.add(Arguments.of(name, expected, String.join("\n", all) + "\n"));
    }

    private static String[] concat(String[]... blocks) {
        return Arrays.stream(blocks).flatMap(Arrays::stream).toArray(String[]::new);
    }
}
