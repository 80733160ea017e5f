package dev.offload.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.offload.core.config.Config;
import dev.offload.core.config.ExpandedValues;
import dev.offload.core.config.GroupConfig;
import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.DiscoveryException;
import dev.offload.core.framework.Framework;
import dev.offload.core.framework.Frameworks;
import dev.offload.core.report.PreviousDurations;
import dev.offload.core.report.TerminalSafe;
import dev.offload.core.schedule.Shard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code collect} command (SPEC §5.4): discovered ids as text or JSON, optionally for one shard. */
public final class Collect {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public enum Format {
        TEXT,
        JSON
    }

    private Collect() {}

    /**
     * Discovers and renders.
     *
     * @throws RunAbortedException for a bad shard value, a framework that cannot be built, or a discovery failure
     */
    public static String render(Config config, Format format, Optional<String> shardText, RunObserver observer)
            throws RunAbortedException, InterruptedException {
        Optional<Shard> shard = parseShard(shardText);
        try (RunTempDir temp = RunTempDir.create("collect-" + RunIds.next())) {
            Framework framework = Frameworks.create(config.framework(), config.configDir());
            var previous = PreviousDurations.read(config.report().junitPath());
            TestSelection selection = TestSelection.discover(config, framework, temp.path(), shard, previous, observer);
            return format == Format.JSON ? json(config, selection) : text(config, selection, shard);
        } catch (DiscoveryException e) {
            String shown = ExpandedValues.of(config.file(), System.getenv()).redact(e.getMessage());
            throw new RunAbortedException(shown, "fix the discovery command or filters", null);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new RunAbortedException(config.file() + ": framework: " + e.getMessage(), "check [framework]", e);
        } catch (IOException e) {
            throw new RunAbortedException(
                    "cannot create a temp directory: " + e.getMessage(), "check java.io.tmpdir", e);
        }
    }

    static Optional<Shard> parseShard(Optional<String> text) throws RunAbortedException {
        try {
            return text.map(Shard::parse);
        } catch (IllegalArgumentException e) {
            throw new RunAbortedException(e.getMessage(), "use --shard i/n with 1 <= i <= n", e);
        }
    }

    static String text(Config config, TestSelection selection, Optional<Shard> shard) {
        StringBuilder out = new StringBuilder();
        List<DiscoveredTest> tests = selection.selected();
        if (shard.isPresent()) {
            double secs = tests.stream()
                    .mapToDouble(t -> selection.estimates().get(t.id()))
                    .sum();
            out.append("Shard %s: %d of %d tests across %d groups (estimated %.1fs):%n"
                    .formatted(shard.get(), tests.size(), selection.discovered().size(), selection.groupCount(), secs));
        } else {
            out.append("Discovered %d tests across %d groups:%n".formatted(tests.size(), selection.groupCount()));
        }
        for (GroupConfig group : config.groups()) {
            List<DiscoveredTest> inGroup =
                    tests.stream().filter(t -> t.group().equals(group.name())).toList();
            if (!inGroup.isEmpty()) {
                out.append("%nGroup '%s':%n".formatted(group.name()));
                inGroup.forEach(t ->
                        out.append("  ").append(TerminalSafe.escape(t.id())).append(System.lineSeparator()));
            }
        }
        return out.toString();
    }

    static String json(Config config, TestSelection selection) {
        List<Map<String, Object>> entries = new ArrayList<>();
        // The file part exists for pytest and vitest ids, the class for junit; nextest and default ids have none.
        boolean hasFiles =
                List.of("pytest", "vitest", "junit").contains(config.framework().type());
        for (DiscoveredTest test : selection.selected()) {
            GroupConfig group = config.group(test.group()).orElseThrow();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", test.id());
            int sep = test.id().lastIndexOf("::");
            entry.put("name", sep < 0 ? test.id() : test.id().substring(sep + 2));
            entry.put("file", hasFiles && !test.classname().isEmpty() ? test.classname() : null);
            entry.put("retry_count", group.retryCount());
            entry.put("group", group.name());
            entry.put("schedule_individual", group.scheduleIndividual());
            entry.put("estimated_secs", selection.estimates().get(test.id()));
            entries.add(entry);
        }
        try {
            return JSON.writeValueAsString(entries) + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
