package dev.offload.core.report;

import dev.offload.core.framework.ResultFileException;
import dev.offload.core.framework.ResultFileSize;
import dev.offload.core.framework.TestCaseResult;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads JUnit XML as pytest, nextest, vitest, Surefire and Offload itself write it (SPEC §10.2): a {@code <testsuites>}
 * or bare {@code <testsuite>} root, suites nested to any depth, result elements with text or CDATA bodies. A streaming
 * StAX reader keeps document order (a failure followed by a teardown error) and copes with large captured output.
 */
public final class JunitXmlParser {

    private static final Set<String> RESULT_KINDS =
            Set.of("failure", "error", "skipped", "flakyFailure", "flakyError", "rerunFailure", "rerunError");
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']");

    static final int TEXT_LIMIT_CHARS = 2 * XmlText.OUTPUT_LIMIT_BYTES;

    private JunitXmlParser() {}

    /** The testcases of {@code file} as raw runner results. */
    public static List<TestCaseResult> parse(Path file) throws ResultFileException {
        return parseCases(file).stream().map(JunitTestCase::toResult).toList();
    }

    /** The testcases of {@code file} with every result element, in document order. */
    public static List<JunitTestCase> parseCases(Path file) throws ResultFileException {
        ResultFileSize.check(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ResultFileException("result file missing: " + file);
        } catch (IOException e) {
            throw new ResultFileException("cannot read result file " + file + ": " + e.getMessage(), e);
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new ResultFileException("result file is empty: " + file);
        }
        try {
            return parseDocument(XmlText.sanitizeDocument(text));
        } catch (XMLStreamException e) {
            throw new ResultFileException("result file " + file + " is not valid JUnit XML: " + firstLine(e), e);
        } catch (NotJunitException e) {
            throw new ResultFileException("result file " + file + " is not JUnit XML: " + e.getMessage());
        }
    }

    private static List<JunitTestCase> parseDocument(String text) throws XMLStreamException, NotJunitException {
        XMLStreamReader reader = factory().createXMLStreamReader(new StringReader(text));
        try {
            List<JunitTestCase> cases = new ArrayList<>();
            boolean rootSeen = false;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = reader.getLocalName();
                if (!rootSeen && !name.equals("testsuites") && !name.equals("testsuite")) {
                    throw new NotJunitException("root element is <" + name + ">, expected <testsuites> or <testsuite>");
                }
                rootSeen = true;
                if (name.equals("testcase")) {
                    cases.add(readTestCase(reader));
                } else if (!name.equals("testsuite") && !name.equals("testsuites")) {
                    skipElement(reader); // properties, suite-level system-out, ...
                }
            }
            if (!rootSeen) {
                throw new NotJunitException("no root element");
            }
            return cases;
        } finally {
            reader.close();
        }
    }

    private static JunitTestCase readTestCase(XMLStreamReader reader) throws XMLStreamException {
        String name = attribute(reader, "name");
        String classname = attribute(reader, "classname");
        double time = parseTime(attribute(reader, "time"));
        List<JunitTestCase.Element> elements = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        while (reader.next() != XMLStreamConstants.END_ELEMENT) {
            if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String child = reader.getLocalName();
            if (RESULT_KINDS.contains(child)) {
                elements.add(readResultElement(reader, child));
            } else if (child.equals("system-out")) {
                out.append(collectText(reader));
            } else if (child.equals("system-err")) {
                err.append(collectText(reader));
            } else {
                skipElement(reader);
            }
        }
        return new JunitTestCase(name, classname, time, elements, out.toString(), err.toString());
    }

    private static JunitTestCase.Element readResultElement(XMLStreamReader reader, String kind)
            throws XMLStreamException {
        String type = attribute(reader, "type");
        String message = attribute(reader, "message");
        StringBuilder direct = new StringBuilder();
        String stackTrace = "";
        String out = "";
        String err = "";
        while (reader.next() != XMLStreamConstants.END_ELEMENT) {
            switch (reader.getEventType()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    appendCapped(direct, reader.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    String child = reader.getLocalName();
                    String text = collectText(reader);
                    switch (child) {
                        case "stackTrace" -> stackTrace = text;
                        case "system-out" -> out = text;
                        case "system-err" -> err = text;
                        default -> appendCapped(direct, text);
                    }
                }
                default -> {}
            }
        }
        String body = !stackTrace.isEmpty() ? stackTrace : direct.toString().isBlank() ? "" : direct.toString();
        return new JunitTestCase.Element(kind, type, message, body, out, err);
    }

    /** All text below the current start element; leaves the reader on its end element. */
    private static String collectText(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (reader.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    appendCapped(text, reader.getText());
                default -> {}
            }
        }
        return text.toString();
    }

    /**
     * Keeps at most {@link #TEXT_LIMIT_CHARS} characters of one text: the reports cut output at 1 MiB anyway (SPEC
     * §11.2), and a huge captured output must not be held in memory whole. Twice the report limit, so that a text
     * Offload cut itself (1 MiB plus its note) reads back whole.
     */
    private static void appendCapped(StringBuilder text, String more) {
        int room = TEXT_LIMIT_CHARS - text.length();
        if (room > 0) {
            text.append(more, 0, Math.min(room, more.length()));
        }
    }

    private static void skipElement(XMLStreamReader reader) throws XMLStreamException {
        collectText(reader);
    }

    private static String attribute(XMLStreamReader reader, String name) {
        String value = reader.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    private static double parseTime(String value) {
        try {
            // Old Surefire versions wrote locale-formatted times such as "1,234.5".
            double secs = Double.parseDouble(value.replace(",", "").trim());
            return Double.isFinite(secs) && secs >= 0 ? secs : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Honours a declared encoding (UTF-8 otherwise); undecodable bytes become U+FFFD rather than an error. */
    private static String decode(byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        Charset charset = StandardCharsets.UTF_8;
        String head = new String(bytes, start, Math.min(200, bytes.length - start), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(head);
        if (m.find()) {
            try {
                charset = Charset.forName(m.group(1));
            } catch (IllegalArgumentException unknown) {
                // keep UTF-8
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /** The parser's message without its location block, plus the line number. */
    private static String firstLine(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int jdkMessage = message.indexOf("Message: ");
        if (jdkMessage >= 0) {
            message = message.substring(jdkMessage + "Message: ".length());
        }
        int newline = message.indexOf('\n');
        message = (newline < 0 ? message : message.substring(0, newline)).strip();
        return e.getLocation() == null ? message : "line " + e.getLocation().getLineNumber() + ": " + message;
    }

    /** The document is XML but not JUnit. */
    private static final class NotJunitException extends Exception {
        NotJunitException(String message) {
            super(message);
        }
    }
}
