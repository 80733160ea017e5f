package dev.offload.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one section of docs/reliability.md, and its totals for the page's summary, into the build's shared {@code
 * target/reliability/}; offload-cli's {@code ReliabilityPage} assembles the page from every section (its tests run
 * after this module's).
 */
final class ReliabilitySections {
    static final Path DIR =
            Path.of("..", "target", "reliability").toAbsolutePath().normalize();

    /** A figure the section did not measure. */
    static final long NOT_MEASURED = -1;

    private ReliabilitySections() {}

    static void write(String name, List<String> lines) throws IOException {
        Files.createDirectories(DIR);
        Files.write(DIR.resolve(name), lines);
    }

    /** {@code NN-name.totals}: one summary row (scenarios, tests, verdicts lost, processes left, bad inputs). */
    static void totals(
            String name,
            String section,
            String test,
            long scenarios,
            long tests,
            long verdictsLost,
            long processesLeft,
            long badInputs)
            throws IOException {
        write(
                name,
                List.of(
                        "section=" + section,
                        "test=" + test,
                        "scenarios=" + scenarios,
                        "tests=" + tests,
                        "verdicts_lost=" + verdictsLost,
                        "processes_left=" + processesLeft,
                        "bad_inputs=" + badInputs));
    }
}
