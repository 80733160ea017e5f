package dev.offload.core.config;

import static dev.offload.core.config.MalformedConfigs.GROUP;
import static dev.offload.core.config.MalformedConfigs.LOCAL;
import static dev.offload.core.config.MalformedConfigs.PYTEST;
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

/** Files that cannot be read or bound (TOML syntax, types, required keys, expansion) are refused with exactly one line
 * naming the file and, where TOML gives one, the line and column. */
class MalformedConfigTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedConfigurationIsRefusedWithOneLineMessage(String name, String expected, String toml) {
        MalformedConfigs.assertRefused(dir, expected, toml);
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
                "%F: missing required key 'framework.classpath' (the junit framework needs classpath or classpath_command,"
                        + " and test_dirs, outside Maven)",
                "[offload]",
                LOCAL,
                "[framework]",
                "type = \"junit\"",
                "test_dirs = [\"b\"]",
                GROUP);
        add(
                c,
                "junit filter with an unknown option",
                "%F:9:1: groups.unit.filters: unknown junit filter option '--include-tags' (expected one of"
                        + " --include-tag, --exclude-tag, --include-classname, --exclude-classname, --include-package,"
                        + " --exclude-package, --include-engine, --exclude-engine, --select-class, --select-package)",
                "[offload]",
                LOCAL,
                "[framework]",
                "type = \"junit\"",
                "classpath = [\"a\"]",
                "test_dirs = [\"b\"]",
                "[groups.unit]",
                "filters = \"--include-tags fast\"");
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
}
