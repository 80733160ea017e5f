package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.config.GroupConfig;
import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.DiscoveryException;
import dev.offload.core.framework.Framework;
import dev.offload.core.framework.Frameworks;
import dev.offload.core.provider.CostModel;
import dev.offload.core.report.Durations;
import dev.offload.core.report.PreviousDurations;
import dev.offload.core.report.PreviousSummary;
import dev.offload.core.schedule.BatchIds;
import dev.offload.core.schedule.BatchOverhead;
import dev.offload.core.schedule.MakespanSimulator;
import dev.offload.core.schedule.MakespanSimulator.Prediction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code offload plan} (SPEC §5.4): for each sandbox count, the wall time a run would take from the same estimates a
 * run uses (history first, §9.1), and the lower bound no schedule can beat. It discovers but never creates a sandbox.
 */
public final class Plan {
    private Plan() {}

    /** Where O came from, for the header line. */
    public record Overhead(double secs, String source) {}

    /**
     * Discovers and renders one line per sandbox count.
     *
     * @param parallels the sandbox counts; empty means 1, {@code max_parallel}, 2× and 4× it
     */
    public static String render(Config config, List<Integer> parallels, boolean showCost, RunObserver observer)
            throws RunAbortedException, InterruptedException {
        try (RunTempDir temp = RunTempDir.create("plan-" + RunIds.next())) {
            Framework framework = Frameworks.create(
                    config.framework(), config.configDir(), config.provider().runsBatchesWithLocalTools());
            var previous = PreviousDurations.read(config.report().junitPath());
            TestSelection selection =
                    TestSelection.discover(config, framework, temp.path(), Optional.empty(), previous, observer);
            return render(
                    config,
                    selection,
                    sandboxCounts(config, parallels),
                    showCost,
                    framework.readsIdsFromFile(),
                    observer::warning);
        } catch (DiscoveryException e) {
            throw new RunAbortedException(e.getMessage(), "fix the discovery command or filters", e);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new RunAbortedException(config.file() + ": framework: " + e.getMessage(), "check [framework]", e);
        } catch (IOException e) {
            throw new RunAbortedException(
                    "cannot create a temp directory: " + e.getMessage(), "check java.io.tmpdir", e);
        }
    }

    static String render(
            Config config, TestSelection selection, List<Integer> counts, boolean showCost, Consumer<String> warnings) {
        return render(config, selection, counts, showCost, false, warnings);
    }

    static String render(
            Config config,
            TestSelection selection,
            List<Integer> counts,
            boolean showCost,
            boolean idsFile,
            Consumer<String> warnings) {
        Overhead overhead = overhead(config);
        Map<String, Double> estimates = selection.estimates();
        double work =
                estimates.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Plan for %d tests (%s of estimated test time, batch overhead %s from %s):%n",
                selection.selected().size(),
                Durations.formatSecs(work),
                Durations.formatSecs(overhead.secs()),
                overhead.source()));
        CostModel cost = CostModel.of(config);
        for (int n : counts) {
            List<List<String>> queue = queue(config, selection.selected(), estimates, n, idsFile, warnings);
            Prediction p = MakespanSimulator.predictIds(queue, estimates, n, overhead.secs());
            out.append(line(p));
            if (showCost) {
                double sandboxSeconds = Math.min(n, p.batches()) * p.makespanSecs();
                out.append(String.format(Locale.ROOT, ", estimated cost $%.4f", cost.usd(sandboxSeconds)));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** {@code sandboxes <N>: predicted wall <d> (lower bound <d>, <k> batches)}. */
    static String line(Prediction p) {
        return "sandboxes %d: predicted wall %s (lower bound %s, %d batches)"
                .formatted(
                        p.sandboxes(),
                        Durations.formatSecs(p.makespanSecs()),
                        Durations.formatSecs(p.lowerBoundSecs()),
                        p.batches());
    }

    /** The batches a run on {@code maxParallel} sandboxes starts with, in queue order (SPEC §9.2, §9.3). */
    static List<List<String>> queue(
            Config config,
            List<DiscoveredTest> tests,
            Map<String, Double> estimates,
            int maxParallel,
            boolean idsFile,
            Consumer<String> warnings) {
        Set<String> individualGroups = config.groups().stream()
                .filter(GroupConfig::scheduleIndividual)
                .map(GroupConfig::name)
                .collect(Collectors.toSet());
        int cap = idsFile ? BatchIds.MAX_FILE_CHARS : BatchIds.MAX_JOINED_CHARS; // SPEC §9.2
        return UnitBatches.plan(tests, estimates, individualGroups, maxParallel, cap, warnings);
    }

    /** O measured by the previous run ({@code batch_overhead_secs} of its summary.json), else the provider default. */
    static Overhead overhead(Config config) {
        return PreviousSummary.batchOverheadSecs(config.report().outputDir().resolve("summary.json"))
                .map(secs -> new Overhead(secs, "the previous run"))
                .orElseGet(() -> new Overhead(
                        BatchOverhead.initialSecs(config.provider().type()),
                        "the " + config.provider().type() + " provider's default"));
    }

    /** The sandbox counts to show: as given, or 1, max_parallel, 2× and 4× it; duplicates once, in order. */
    static List<Integer> sandboxCounts(Config config, List<Integer> parallels) {
        if (!parallels.isEmpty()) {
            return List.copyOf(new LinkedHashSet<>(parallels));
        }
        int m = config.offload().maxParallel();
        return new ArrayList<>(new LinkedHashSet<>(List.of(1, m, 2 * m, 4 * m)));
    }
}
