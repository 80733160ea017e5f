package dev.offload.core.provider;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()}, but never holds more than {@link #MAX_LINE_CHARS} of one
 * line: a runner printing a 150 MB line without a newline must not exhaust the heap. The rest of an over-long line is
 * skipped and a note says how much.
 */
final class BoundedLineReader {
    /** 1 Mi characters, the per-output limit of the reports (SPEC §11.2). */
    static final int MAX_LINE_CHARS = 1024 * 1024;

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int pos;
    private int end;
    /** The last line ended with {@code \r}: a {@code \n} right after it belongs to that terminator. */
    private boolean skipNewline;

    BoundedLineReader(Reader in) {
        this(in, MAX_LINE_CHARS);
    }

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator ({@code \n}, {@code \r} or {@code \r\n}), or null at end of stream. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        long skipped = 0;
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                return any ? finish(line, skipped) : null;
            }
            char c = buffer[pos++];
            if (skipNewline) {
                skipNewline = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                skipNewline = c == '\r';
                return finish(line, skipped);
            }
            if (line.length() < maxChars) {
                line.append(c);
            } else {
                skipped++;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    private static String finish(StringBuilder line, long skipped) {
        if (skipped > 0) {
            line.append(" [offload: line cut, ").append(skipped).append(" more characters not shown]");
        }
        return line.toString();
    }
}
