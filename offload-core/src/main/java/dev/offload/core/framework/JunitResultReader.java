package dev.offload.core.framework;

import dev.offload.core.framework.TestCaseResult.Failure;
import dev.offload.core.framework.TestCaseResult.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the {@code <testcase>} elements of a JUnit XML file (SPEC §10.2): {@code <testsuites>} or bare
 * {@code <testsuite>} root, nested suites, text or CDATA bodies. Streaming, so large batch files stay cheap.
 *
 * <p>Kept small and local to the framework package until the report package's JUnit parser can be shared.
 */
final class JunitResultReader {
    private static final XMLInputFactory FACTORY = newFactory();

    private JunitResultReader() {}

    static List<TestCaseResult> read(Path file) throws ResultFileException {
        try {
            if (Files.size(file) == 0) {
                throw new ResultFileException("result file " + file + " is empty");
            }
        } catch (NoSuchFileException e) {
            throw new ResultFileException("result file " + file + " is missing");
        } catch (IOException e) {
            throw new ResultFileException("cannot read result file " + file + ": " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            try {
                return testcases(xml, file);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new ResultFileException("result file " + file + " is not valid XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ResultFileException("cannot read result file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<TestCaseResult> testcases(XMLStreamReader xml, Path file)
            throws XMLStreamException, ResultFileException {
        xml.nextTag();
        String root = xml.getLocalName();
        if (!root.equals("testsuites") && !root.equals("testsuite")) {
            throw new ResultFileException(
                    "result file " + file + " is not JUnit XML: root element <" + root + ">, expected <testsuites>");
        }
        List<TestCaseResult> results = new ArrayList<>();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT
                    && xml.getLocalName().equals("testcase")) {
                results.add(testcase(xml));
            }
        }
        return List.copyOf(results);
    }

    /** Reads one testcase; returns with the reader on its end tag. */
    private static TestCaseResult testcase(XMLStreamReader xml) throws XMLStreamException {
        String name = attribute(xml, "name");
        String classname = attribute(xml, "classname");
        double time = seconds(attribute(xml, "time"));
        Optional<Failure> failure = Optional.empty();
        boolean skipped = false;
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "failure", "error" -> {
                        boolean error = xml.getLocalName().equals("error");
                        String type = attribute(xml, "type");
                        String message = attribute(xml, "message");
                        String body = text(xml);
                        failure = failure.or(() -> Optional.of(new Failure(error, type, message, body)));
                    }
                    case "skipped" -> {
                        skipped = true;
                        text(xml);
                    }
                    case "system-out" -> out.append(text(xml));
                    case "system-err" -> err.append(text(xml));
                    default -> depth++;
                }
            }
        }
        Status status = failure.isPresent() ? Status.FAILED : skipped ? Status.SKIPPED : Status.PASSED;
        return new TestCaseResult(name, classname, time, status, failure, out.toString(), err.toString());
    }

    /** The text inside the current element (nested elements' text included); ends on its end tag. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(xml.getText());
                default -> {}
            }
        }
        return text.toString();
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    private static double seconds(String time) {
        try {
            return time.isEmpty() ? 0 : Double.parseDouble(time.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0; // a broken time attribute must not cost the test its result
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // Result files come from test code: no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
