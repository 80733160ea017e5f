package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.report.JunitReportWriter;
import dev.offload.core.report.SummaryJsonWriter;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the reports of a finished (or aborted) run into {@code output_dir} (SPEC §11.1). */
final class RunReports {
    private RunReports() {}

    static RunResult write(Config config, RunResult result, boolean failOnFlaky, RunObserver observer) {
        if (config.report().junit()) {
            try {
                JunitReportWriter.write(result, config.report().junitPath());
            } catch (IOException e) {
                observer.warning("could not write " + config.report().junitPath() + ": " + e.getMessage());
            }
        }
        writeSummaryOnly(config, result, failOnFlaky, observer);
        return result;
    }

    static void writeSummaryOnly(Config config, RunResult result, boolean failOnFlaky, RunObserver observer) {
        Path summary = config.report().outputDir().resolve("summary.json");
        try {
            SummaryJsonWriter.write(result, config.file(), OffloadVersion.get(), failOnFlaky, summary);
        } catch (IOException e) {
            observer.warning("could not write " + summary + ": " + e.getMessage());
        }
    }
}
