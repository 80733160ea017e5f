package dev.offload.core.report;

import dev.offload.core.framework.ResultFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Test durations from the previous run's merged report, the second estimate source of SPEC §9.1. */
public final class PreviousDurations {

    private PreviousDurations() {}

    /**
     * Reads {@code testcase name → time} from {@code junitXml}, the maximum over duplicates. A missing or unreadable
     * file gives an empty map: old durations only improve batching and must never stop a run.
     */
    public static Map<String, Double> read(Path junitXml) {
        if (!Files.isRegularFile(junitXml)) {
            return Map.of();
        }
        try {
            Map<String, Double> durations = new HashMap<>();
            for (JunitTestCase testCase : JunitXmlParser.parseCases(junitXml)) {
                durations.merge(testCase.name(), testCase.timeSecs(), Math::max);
            }
            return Map.copyOf(durations);
        } catch (ResultFileException | RuntimeException e) {
            return Map.of();
        }
    }
}
