package dev.offload.core.report;

import dev.offload.core.config.GroupConfig;
import dev.offload.core.framework.TestCaseResult.Failure;
import dev.offload.core.run.Attempt;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.TestOutcome;
import dev.offload.core.run.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The merged {@code junit.xml} in Surefire's flaky dialect (SPEC §11.2), which CI servers and Surefire-aware tools read:
 * one {@code <testsuite>} per group in file order, one {@code <testcase>} per test.
 */
public final class JunitReportWriter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private JunitReportWriter() {}

    /** Writes the report atomically: readers see the old file or the complete new one. */
    public static void write(RunResult result, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(result, Hostname.VALUE, out));
    }

    static void write(RunResult result, String hostname, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new Document(xml, result, hostname).write();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    /** Looked up once: the lookup may be slow on machines without DNS for their own name. */
    private static final class Hostname {
        static final String VALUE = lookup();

        private static String lookup() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        }
    }

    /** Surefire's counting: {@code failures} and {@code errors} count testcases by the element they carry. */
    private record Counts(int tests, int failures, int errors, int skipped, int flakes, double time) {
        static Counts of(List<TestOutcome> outcomes) {
            int failures = 0;
            int errors = 0;
            double time = 0;
            for (TestOutcome o : outcomes) {
                time += caseTime(o);
                switch (o.verdict()) {
                    case FAILED -> {
                        if (firstAttemptIsError(o)) {
                            errors++;
                        } else {
                            failures++;
                        }
                    }
                    case ERROR, NOT_RUN -> errors++;
                    default -> {}
                }
            }
            return new Counts(
                    outcomes.size(),
                    failures,
                    errors,
                    count(outcomes, Verdict.SKIPPED),
                    count(outcomes, Verdict.FLAKY),
                    time);
        }

        private static int count(List<TestOutcome> outcomes, Verdict verdict) {
            return (int) outcomes.stream().filter(o -> o.verdict() == verdict).count();
        }
    }

    static boolean firstAttemptIsError(TestOutcome outcome) {
        return !outcome.attempts().isEmpty()
                && outcome.attempts().get(0).failure().map(Failure::error).orElse(false);
    }

    static double caseTime(TestOutcome outcome) {
        return outcome.decidingAttempt().map(Attempt::secs).orElse(0.0);
    }

    /** One document being written. */
    private static final class Document {
        private final XMLStreamWriter xml;
        private final RunResult result;
        private final String hostname;

        Document(XMLStreamWriter xml, RunResult result, String hostname) {
            this.xml = xml;
            this.result = result;
            this.hostname = hostname;
        }

        void write() throws XMLStreamException {
            Map<String, List<TestOutcome>> groups = byGroup();
            xml.writeStartDocument("UTF-8", "1.0");
            newline(0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "offload");
            Counts total = Counts.of(result.outcomes());
            writeCounts(
                    total,
                    Duration.between(result.startedAt(), result.finishedAt()).toNanos() / 1e9);
            for (Map.Entry<String, List<TestOutcome>> group : groups.entrySet()) {
                writeSuite(group.getKey(), group.getValue());
            }
            newline(0);
            xml.writeEndElement();
            newline(0);
            xml.writeEndDocument();
        }

        /** Groups in file order; a test of a group the config does not list still gets a suite, at the end. */
        private Map<String, List<TestOutcome>> byGroup() {
            Map<String, List<TestOutcome>> groups = new LinkedHashMap<>();
            for (GroupConfig group : result.groups()) {
                groups.put(group.name(), new ArrayList<>());
            }
            for (TestOutcome o : result.outcomes()) {
                groups.computeIfAbsent(o.test().group(), g -> new ArrayList<>()).add(o);
            }
            return groups;
        }

        private void writeCounts(Counts counts, double time) throws XMLStreamException {
            xml.writeAttribute("tests", Integer.toString(counts.tests()));
            xml.writeAttribute("failures", Integer.toString(counts.failures()));
            xml.writeAttribute("errors", Integer.toString(counts.errors()));
            xml.writeAttribute("skipped", Integer.toString(counts.skipped()));
            xml.writeAttribute("flakes", Integer.toString(counts.flakes()));
            xml.writeAttribute("time", secs(time));
        }

        private void writeSuite(String group, List<TestOutcome> outcomes) throws XMLStreamException {
            newline(1);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", clean(group));
            Counts counts = Counts.of(outcomes);
            writeCounts(counts, counts.time());
            xml.writeAttribute(
                    "timestamp",
                    TIMESTAMP.format(
                            result.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
            xml.writeAttribute("hostname", clean(hostname));
            for (TestOutcome o : outcomes) {
                writeCase(o);
            }
            if (!outcomes.isEmpty()) {
                newline(1);
            }
            xml.writeEndElement();
        }

        private void writeCase(TestOutcome o) throws XMLStreamException {
            newline(2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", clean(o.test().id()));
            String classname =
                    o.test().classname().isEmpty() ? o.test().group() : o.test().classname();
            xml.writeAttribute("classname", clean(classname));
            xml.writeAttribute("time", secs(caseTime(o)));
            boolean children = switch (o.verdict()) {
                case PASSED -> false;
                case SKIPPED -> writeSkipped(o);
                case FLAKY -> writeFlaky(o);
                case FAILED -> writeFailed(o);
                case ERROR -> writeInfrastructureError(o);
                case NOT_RUN -> writeNotRun(o);
            };
            if (children) {
                newline(2);
            }
            xml.writeEndElement();
        }

        private boolean writeSkipped(TestOutcome o) throws XMLStreamException {
            newline(3);
            xml.writeEmptyElement("skipped");
            Optional<String> message = o.decidingAttempt()
                    .flatMap(Attempt::failure)
                    .map(Failure::message)
                    .filter(m -> !m.isEmpty());
            if (message.isPresent()) {
                xml.writeAttribute("message", clean(message.get()));
            }
            return true;
        }

        private boolean writeFlaky(TestOutcome o) throws XMLStreamException {
            boolean any = false;
            for (Attempt attempt : o.attempts()) {
                if (attempt.failed()) {
                    writeAttempt(attempt, "flakyError", "flakyFailure");
                    any = true;
                }
            }
            return any;
        }

        private boolean writeFailed(TestOutcome o) throws XMLStreamException {
            if (o.attempts().isEmpty()) {
                writeText(3, "failure", Map.of("message", "failed"), "");
                return true;
            }
            Attempt first = o.attempts().get(0);
            Failure failure = first.failure().orElse(new Failure(false, "", "", ""));
            writeText(3, failure.error() ? "error" : "failure", failureAttributes(failure), failure.body());
            for (Attempt rerun : o.attempts().subList(1, o.attempts().size())) {
                writeAttempt(rerun, "rerunError", "rerunFailure");
            }
            writeOutput(3, first);
            return true;
        }

        private boolean writeInfrastructureError(TestOutcome o) throws XMLStreamException {
            String cause = o.cause().orElse("infrastructure error");
            StringBuilder details = new StringBuilder(cause);
            int k = 0;
            for (Attempt attempt : o.attempts()) {
                k++;
                details.append("\nattempt ").append(k).append(" (batch ").append(attempt.batch());
                details.append(", sandbox ").append(attempt.sandbox()).append("): ");
                details.append(attempt.status().name().toLowerCase(Locale.ROOT));
                attempt.failure().ifPresent(f -> details.append(": ").append(f.message()));
            }
            writeText(
                    3,
                    "error",
                    attributes("message", cause, "type", "offload.InfrastructureError"),
                    details.toString());
            return true;
        }

        private boolean writeNotRun(TestOutcome o) throws XMLStreamException {
            String cause = o.cause().orElse("never scheduled to completion");
            newline(3);
            xml.writeEmptyElement("error");
            xml.writeAttribute("message", clean("not run: " + cause));
            xml.writeAttribute("type", "offload.NotRun");
            return true;
        }

        /** A Surefire flaky or rerun element: attributes plus stackTrace, system-out and system-err children. */
        private void writeAttempt(Attempt attempt, String errorKind, String failureKind) throws XMLStreamException {
            Failure failure = attempt.failure().orElse(new Failure(false, "", "", ""));
            newline(3);
            xml.writeStartElement(failure.error() ? errorKind : failureKind);
            for (Map.Entry<String, String> a : failureAttributes(failure).entrySet()) {
                xml.writeAttribute(a.getKey(), clean(a.getValue()));
            }
            if (!failure.body().isEmpty()) {
                writeText(4, "stackTrace", Map.of(), failure.body());
            }
            writeOutput(4, attempt);
            newline(3);
            xml.writeEndElement();
        }

        private void writeOutput(int depth, Attempt attempt) throws XMLStreamException {
            if (!attempt.systemOut().isEmpty()) {
                writeText(depth, "system-out", Map.of(), XmlText.cutOutput(attempt.systemOut()));
            }
            if (!attempt.systemErr().isEmpty()) {
                writeText(depth, "system-err", Map.of(), XmlText.cutOutput(attempt.systemErr()));
            }
        }

        private void writeText(int depth, String element, Map<String, String> attributes, String text)
                throws XMLStreamException {
            newline(depth);
            if (text.isEmpty()) {
                xml.writeEmptyElement(element);
            } else {
                xml.writeStartElement(element);
            }
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                xml.writeAttribute(a.getKey(), clean(a.getValue()));
            }
            if (!text.isEmpty()) {
                xml.writeCharacters(clean(text));
                xml.writeEndElement();
            }
        }

        private void newline(int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

    private static Map<String, String> failureAttributes(Failure failure) {
        return attributes("message", failure.message(), "type", failure.type());
    }

    private static Map<String, String> attributes(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static String clean(String text) {
        return XmlText.dropInvalid(text);
    }

    private static String secs(double secs) {
        return String.format(Locale.ROOT, "%.3f", secs);
    }
}
