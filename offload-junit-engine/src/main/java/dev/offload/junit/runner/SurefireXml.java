package dev.offload.junit.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a batch's results as Surefire-dialect JUnit XML (SPEC §7.3): one {@code <testcase>} per test with
 * {@code name} = UniqueId and {@code classname} = class, {@code <failure>} for assertion failures, {@code <error>} for
 * other exceptions, {@code <skipped>} for skipped and aborted tests, and each test's own output.
 */
final class SurefireXml {
    private SurefireXml() {}

    /** Writes to a temporary file first, so a JVM dying mid-write never leaves a half file behind. */
    static void write(Path target, List<TestResult> results) throws IOException, XMLStreamException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".offload-result-", ".xml");
        try (OutputStream out = Files.newOutputStream(temp)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "offload-batch");
            xml.writeAttribute("tests", Integer.toString(results.size()));
            xml.writeAttribute("failures", count(results, true));
            xml.writeAttribute("errors", count(results, false));
            xml.writeAttribute(
                    "skipped",
                    Long.toString(results.stream()
                            .filter(r ->
                                    r.status().equals("skipped") || r.status().equals("aborted"))
                            .count()));
            xml.writeAttribute(
                    "time",
                    seconds(results.stream().mapToLong(TestResult::millis).sum()));
            for (TestResult result : results) {
                testcase(xml, result);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void testcase(XMLStreamWriter xml, TestResult result) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(result.id()));
        xml.writeAttribute("classname", clean(result.className()));
        xml.writeAttribute("time", seconds(result.millis()));
        switch (result.status()) {
            case "failed" -> {
                Throwable error = result.error();
                xml.writeStartElement(result.assertionFailure() ? "failure" : "error");
                if (error != null) {
                    if (error.getMessage() != null) {
                        xml.writeAttribute("message", clean(error.getMessage()));
                    }
                    xml.writeAttribute("type", error.getClass().getName());
                    xml.writeCharacters(clean(StackTraces.of(error)));
                }
                xml.writeEndElement();
            }
            case "skipped", "aborted" -> {
                xml.writeStartElement("skipped");
                if (result.reason() != null) {
                    xml.writeAttribute("message", clean(result.reason()));
                }
                xml.writeEndElement();
            }
            default -> {}
        }
        output(xml, "system-out", result.out());
        output(xml, "system-err", result.err());
        xml.writeEndElement();
    }

    private static void output(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        if (!text.isEmpty()) {
            xml.writeStartElement(element);
            xml.writeCharacters(clean(text));
            xml.writeEndElement();
        }
    }

    private static String count(List<TestResult> results, boolean assertion) {
        return Long.toString(results.stream()
                .filter(r -> r.failed() && r.assertionFailure() == assertion)
                .count());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** XML 1.0 cannot hold most control characters, even escaped: they become '?'. */
    static String clean(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
            if (bad || (Character.isSurrogate(c) && !validSurrogate(s, i))) {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
