package dev.offload.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The {@code [report]} table (SPEC §4.9); defaults apply when the table is absent. */
public record ReportConfig(
        Path outputDir,
        boolean junit,
        String junitFile,
        List<String> downloadGlobs,
        boolean downloadGlobsFailureOnly,
        Optional<Double> costPerCoreHour,
        boolean html) {

    public ReportConfig {
        downloadGlobs = List.copyOf(downloadGlobs);
    }

    public Path junitPath() {
        return outputDir.resolve(junitFile);
    }
}
