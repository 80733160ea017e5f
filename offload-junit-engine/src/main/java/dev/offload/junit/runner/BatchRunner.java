package dev.offload.junit.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Runs one batch in a fresh JVM (SPEC §7.3):
 * {@code BatchRunner --result <path> --event-token <token> [--fail-fast] --ids <file>}. Each line of the ids file is a
 * UniqueId, selected with {@code selectUniqueId}. Writes Surefire-dialect XML to the result path and prints one
 * {@code ##offload:<token>##} event line per test event on stdout. Exits 0 once the result file is written, 2 for bad
 * arguments, 1 when the result cannot be written.
 */
public final class BatchRunner {
    private BatchRunner() {}

    public static void main(String[] args) {
        Arguments arguments;
        List<String> ids;
        try {
            arguments = Arguments.parse(args);
            ids = readIds(arguments.ids());
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("offload BatchRunner: " + e.getMessage());
            System.err.println("usage: BatchRunner --result <path> --event-token <token> [--fail-fast] --ids <file>");
            System.exit(2);
            return;
        }
        System.exit(run(arguments, ids));
    }

    static int run(Arguments arguments, List<String> ids) {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        var capture = new OutputCapture(realOut, realErr);
        var events = new EventStream(realOut, arguments.eventToken());
        var listener = new BatchListener(capture, events, soFar -> {
            if (arguments.failFast()) {
                stopAfterFailure(arguments, soFar, realErr);
            }
        });
        Thread exitWatch = new Thread(() -> listener.running()
                .ifPresent(id -> realErr.println("offload BatchRunner: the JVM is exiting while " + id
                        + " runs (System.exit or a fatal error)")));
        Runtime.getRuntime().addShutdownHook(exitWatch);
        List<DiscoverySelector> selectors = new ArrayList<>();
        ids.forEach(id -> selectors.add(DiscoverySelectors.selectUniqueId(id)));
        capture.install();
        try {
            var request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors)
                    .build();
            Launchers.create().execute(request, listener);
        } finally {
            capture.uninstall();
        }
        return writeResult(arguments, listener.results(ids), realErr);
    }

    /** {@code --fail-fast}: write what ran so far and stop; the tests not reported are re-queued by Offload. */
    private static void stopAfterFailure(Arguments arguments, List<TestResult> soFar, PrintStream err) {
        err.println("offload BatchRunner: --fail-fast: stopping after the first failed test");
        int status = writeResult(arguments, soFar, err);
        err.flush();
        Runtime.getRuntime().halt(status); // the rest is not run; Offload re-queues or cancels it (SPEC §10.7)
    }

    private static int writeResult(Arguments arguments, List<TestResult> results, PrintStream err) {
        try {
            SurefireXml.write(arguments.result(), results);
            return 0;
        } catch (IOException | XMLStreamException e) {
            err.println("offload BatchRunner: cannot write " + arguments.result() + ": " + e.getMessage());
            return 1;
        }
    }

    private static List<String> readIds(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .distinct()
                .toList();
    }

    /** The command line. */
    record Arguments(Path result, String eventToken, boolean failFast, Path ids) {
        static Arguments parse(String[] args) {
            Path result = null;
            Path ids = null;
            String token = "";
            boolean failFast = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--result" -> result = Path.of(value(args, ++i, "--result"));
                    case "--ids" -> ids = Path.of(value(args, ++i, "--ids"));
                    case "--event-token" -> token = value(args, ++i, "--event-token");
                    case "--fail-fast" -> failFast = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (result == null || ids == null) {
                throw new IllegalArgumentException("--result and --ids are required");
            }
            return new Arguments(result, token, failFast, ids);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
