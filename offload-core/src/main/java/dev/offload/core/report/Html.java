package dev.offload.core.report;

/**
 * A small HTML builder for {@link HtmlReportWriter}: all text and attribute values go through {@link #escape}, so a
 * test id or an output line can never become markup. The result is also well-formed XML (every element closed, only
 * the five XML entities), which keeps it readable by XML tools.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(16 * 1024);

    /** Escapes markup characters and drops characters invalid in XML 1.0 (e.g. the ESC of colour codes). */
    static String escape(String text) {
        String clean = XmlText.dropInvalid(text);
        StringBuilder escaped = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Appends trusted markup written by this package (never user text). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Opens {@code tag} with attributes given as name, value pairs. */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ')
                    .append(attributes[i])
                    .append("=\"")
                    .append(escape(attributes[i + 1]))
                    .append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** An element without content, written as {@code <tag .../>}. */
    Html empty(String tag, String... attributes) {
        open(tag, attributes);
        out.setLength(out.length() - 1);
        out.append("/>");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
