package dev.offload.junit.runner;

import java.util.Collection;

/** JSON text for the few flat objects the runner prints; the runner may use only the JDK and the Launcher API. */
final class JsonText {
    private final StringBuilder out = new StringBuilder("{");

    JsonText field(String name, String value) {
        if (value != null) {
            key(name);
            quote(out, value);
        }
        return this;
    }

    JsonText field(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }

    JsonText field(String name, Collection<String> values) {
        key(name);
        out.append('[');
        boolean first = true;
        for (String value : values) {
            if (!first) {
                out.append(',');
            }
            quote(out, value);
            first = false;
        }
        out.append(']');
        return this;
    }

    JsonText object(String name, JsonText value) {
        if (value != null) {
            key(name);
            out.append(value);
        }
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    private void key(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(out, name);
        out.append(':');
    }

    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
