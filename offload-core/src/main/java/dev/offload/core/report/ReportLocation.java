package dev.offload.core.report;

import dev.offload.core.config.ReportConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a person should look after a run (SPEC §6.3): report.html, else the junit file, else summary.json. */
public final class ReportLocation {
    private ReportLocation() {}

    /** The first of those that was actually written; empty when none exists. */
    public static Optional<Path> of(ReportConfig report) {
        Path html = report.outputDir().resolve("report.html");
        if (report.html() && Files.isRegularFile(html)) {
            return Optional.of(html);
        }
        if (report.junit() && Files.isRegularFile(report.junitPath())) {
            return Optional.of(report.junitPath());
        }
        Path summary = report.outputDir().resolve("summary.json");
        return Files.isRegularFile(summary) ? Optional.of(summary) : Optional.empty();
    }
}
