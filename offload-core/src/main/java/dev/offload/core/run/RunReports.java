package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.report.HtmlReportWriter;
import dev.offload.core.report.JunitReportWriter;
import dev.offload.core.report.SummaryJsonWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the reports of a finished (or aborted) run into {@code output_dir} (SPEC §11.1). A report that cannot be
 * written is a warning: the run's verdicts stand.
 */
final class RunReports {
    private RunReports() {}

    /**
     * Writes junit.xml, report.html and summary.json. The merged JUnit report is what CI reads: when it cannot be
     * written the run fails (outcome {@code error}, exit 1) instead of passing without a report.
     */
    static RunResult write(Config config, RunResult result, boolean failOnFlaky, RunObserver observer) {
        RunResult reported = result;
        if (config.report().junit()) {
            try {
                JunitReportWriter.write(result, config.report().junitPath());
            } catch (IOException e) {
                reported = result.withError("could not write " + config.report().junitPath() + ": " + e.getMessage());
            }
        }
        writeHtml(config, reported, observer);
        writeSummary(config, reported, failOnFlaky, observer);
        return reported;
    }

    /** A run that stopped before its tests ran: no junit.xml, but the summary and a page showing the error. */
    static void writeAborted(Config config, RunResult result, boolean failOnFlaky, RunObserver observer) {
        writeHtml(config, result, observer);
        writeSummary(config, result, failOnFlaky, observer);
    }

    private static void writeSummary(Config config, RunResult result, boolean failOnFlaky, RunObserver observer) {
        Path summary = config.report().outputDir().resolve("summary.json");
        try {
            SummaryJsonWriter.write(result, config.file(), OffloadVersion.get(), failOnFlaky, summary);
        } catch (IOException e) {
            observer.warning("could not write " + summary + ": " + e.getMessage());
        }
    }

    private static void writeHtml(Config config, RunResult result, RunObserver observer) {
        if (!config.report().html()) {
            return;
        }
        Path html = config.report().outputDir().resolve("report.html");
        try {
            HtmlReportWriter.write(result, html);
        } catch (IOException e) {
            observer.warning("could not write " + html + ": " + e.getMessage());
        }
    }
}
