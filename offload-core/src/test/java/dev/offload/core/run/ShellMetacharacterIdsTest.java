package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.framework.RealVitest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 11: test ids holding every shell metacharacter and a newline (real vitest titles, which may contain both) run
 * through the local provider and through the default provider's shell templates. No command hidden in an id runs (no
 * canary file appears), and every id comes back intact: same verdict, same id in the outcome and in {@code junit.xml}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ShellMetacharacterIdsTest {
    private static final String CANARY =
            "/tmp/offload-canary-" + UUID.randomUUID().toString().substring(0, 8);

    /** Titles as vitest reports them; each hides a command creating canary file k. */
    static final List<String> TITLES = List.of(
            "$(touch " + CANARY + "-1)",
            "`touch " + CANARY + "-2`",
            "; touch " + CANARY + "-3 #",
            "| touch " + CANARY + "-4 & touch " + CANARY + "-5 && x || touch " + CANARY + "-6",
            "> " + CANARY + "-7 < /etc/hostname 2>&1",
            "' \" \\ '\"; touch " + CANARY + "-8 ; echo \"",
            "* ? [a-z] { } ~ ! % ^ ( ) = + , : @ ${HOME} $PATH $'\\x41' \t tab",
            "first line\n$(touch " + CANARY + "-9)\nthird line",
            "-n starts with a dash",
            "{tests} {result_file} {sandbox_id} {command} {paths}");

    @TempDir
    static Path dir;

    private static Path project;
    private static final List<String> rows = new CopyOnWriteArrayList<>();
    private static final java.util.concurrent.atomic.AtomicLong lost = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicLong leaked = new java.util.concurrent.atomic.AtomicLong();

    @BeforeAll
    static void writeSuite() throws Exception {
        project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("tests"));
        String source = "import { test } from 'vitest';\n"
                + TITLES.stream()
                        .map(t -> "test(" + jsString(t) + ", () => {});\n")
                        .collect(Collectors.joining());
        Files.writeString(project.resolve("tests/hostile.test.ts"), source);
        RealVitest.installInto(project);
    }

    @Test
    void idsWithShellMetacharactersRunIntactThroughTheLocalProvider() throws Exception {
        runAndCheck("local", """
                [provider]
                type = "local"
                """);
    }

    @Test
    void idsWithShellMetacharactersRunIntactThroughTheDefaultProvidersTemplates() throws Exception {
        runAndCheck(
                "default (shell templates)",
                DefaultProviderRunTest.templates(project, dir.resolve("lifecycle.log"), true));
        DefaultProviderRunTest.assertNoSandboxLeft();
    }

    private void runAndCheck(String providerName, String providerToml) throws Exception {
        Path config = Files.writeString(project.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = 120
                sandbox_project_root = "."

                %s
                [framework]
                type = "vitest"
                command = "node node_modules/vitest/vitest.mjs"

                [groups.all]
                retry_count = 0
                """.formatted(providerToml));
        Path out = dir.resolve("out-" + providerName.hashCode());

        RunResult result = new OffloadRun(
                        ConfigLoader.load(config, new LoadOptions(false, Map.of(), out, Optional.empty(), w -> {})),
                        RunOptions.defaults(),
                        RunObserver.NONE,
                        Clock.systemUTC())
                .execute();

        List<String> expected =
                TITLES.stream().map(t -> "tests/hostile.test.ts > " + t).toList();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        result.outcomes().forEach(o -> verdicts.put(o.test().id(), o.verdict()));
        List<String> canaries = IntStream.rangeClosed(1, 9)
                .mapToObj(k -> CANARY + "-" + k)
                .filter(f -> Files.exists(Path.of(f)))
                .toList();
        List<String> inJunit = junitNames(out.resolve("junit.xml"));
        long intact = expected.stream()
                .filter(id -> verdicts.get(id) == Verdict.PASSED && inJunit.contains(id))
                .count();
        List<String> left = FaultInjectionTest.leftoverProcesses(project.toString());
        lost.addAndGet(expected.size()
                - verdicts.keySet().stream().filter(expected::contains).count());
        leaked.addAndGet(left.size());
        rows.add("| %s | %d | %d | %d |".formatted(providerName, expected.size(), intact, canaries.size()));

        assertThat(left).as("processes left").isEmpty();
        assertThat(canaries).as("commands hidden in test ids ran").isEmpty();
        assertThat(verdicts.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(verdicts.values()).containsOnly(Verdict.PASSED);
        assertThat(inJunit).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The testcase names of Offload's junit.xml as an XML parser reads them back. */
    private static List<String> junitNames(Path junit) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList cases = factory.newDocumentBuilder().parse(junit.toFile()).getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        return names;
    }

    private static String jsString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '$' -> out.append("$");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @AfterAll
    static void writeReliabilityFragment() throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "## Hostile input: test ids with shell metacharacters",
                "",
                TITLES.size()
                        + " real vitest tests whose titles hold every shell metacharacter (`$( )`, backticks, `;`,"
                        + " `|`, `&`, `&&`, `||`, `>`, `<`, quotes, backslash, globs, `~`, `!`, `${}`, `$'…'`, a tab),"
                        + " a newline, a leading `-` and Offload's own placeholders, each hiding a command that"
                        + " would create a canary file (`ShellMetacharacterIdsTest`, offload-core). Passing means:"
                        + " no canary file, every id passed and read back intact from `junit.xml`.",
                "",
                "| Provider | Ids | Reported intact | Commands executed (canaries) |",
                "|---|---|---|---|"));
        lines.addAll(rows.stream().sorted().toList());
        lines.add("");
        ReliabilitySections.write("50-hostile-ids.md", lines);
        ReliabilitySections.totals(
                "50-hostile-ids.totals",
                "Hostile test ids (shell metacharacters)",
                "ShellMetacharacterIdsTest",
                rows.size(),
                (long) rows.size() * TITLES.size(),
                lost.get(),
                leaked.get(),
                (long) rows.size() * TITLES.size());
    }
}
