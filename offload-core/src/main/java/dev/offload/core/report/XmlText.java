package dev.offload.core.report;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text clean-up shared by the JUnit reader and writer. */
final class XmlText {

    /** Per-output limit of SPEC §11.2. */
    static final int OUTPUT_LIMIT_BYTES = 1024 * 1024;

    private static final Pattern CHAR_REFERENCE = Pattern.compile("&#(x[0-9A-Fa-f]+|[0-9]+);");

    private XmlText() {}

    /** True for the characters XML 1.0 allows (SPEC §11.2). */
    static boolean isXmlChar(int codePoint) {
        return codePoint == 0x9
                || codePoint == 0xA
                || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    /** Drops characters invalid in XML 1.0, including unpaired surrogates. */
    static String dropInvalid(String text) {
        int i = 0;
        while (i < text.length() && isXmlChar(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::isXmlChar).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * Makes a runner's file acceptable to a strict XML 1.0 parser: raw control characters (ANSI escapes in captured
     * output) and character references to them are dropped instead of failing the whole batch.
     */
    static String sanitizeDocument(String document) {
        String raw = dropInvalid(document);
        if (raw.indexOf("&#") < 0) {
            return raw; // nothing to check: no second copy of a large document
        }
        Matcher m = CHAR_REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder(raw.length());
        while (m.find()) {
            String digits = m.group(1);
            int codePoint;
            try {
                codePoint =
                        digits.startsWith("x") ? Integer.parseInt(digits.substring(1), 16) : Integer.parseInt(digits);
            } catch (NumberFormatException tooLarge) {
                codePoint = -1;
            }
            m.appendReplacement(out, isXmlChar(codePoint) ? Matcher.quoteReplacement(m.group()) : "");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Cuts {@code text} so that its UTF-8 form stays within 1 MiB, appending a note saying how much was cut. */
    static String cutOutput(String text) {
        return cut(text, OUTPUT_LIMIT_BYTES, "1 MiB");
    }

    /**
     * Cuts {@code text} so that its UTF-8 form stays within {@code limitBytes}, appending a note naming {@code label}
     * and how much was cut.
     */
    static String cut(String text, int limitBytes, String label) {
        if (text.length() <= limitBytes / 4) {
            return text; // even 4 bytes per char would fit
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= limitBytes) {
            return text;
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > limitBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end) + "\n[offload: output cut at " + label + ", " + (utf8.length - bytes)
                + " more bytes not shown]\n";
    }
}
