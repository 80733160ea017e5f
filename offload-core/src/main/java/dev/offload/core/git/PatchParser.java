package dev.offload.core.git;

import dev.offload.core.git.FilePatch.BinaryHunk;
import dev.offload.core.git.FilePatch.Kind;
import dev.offload.core.git.FilePatch.TextHunk;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Parses a git multi-file patch ({@code git diff --binary} output) into {@link FilePatch}es (SPEC §13.7). The text is
 * handled as ISO-8859-1 so that every byte of non-UTF-8 content survives; paths are decoded as UTF-8.
 */
public final class PatchParser {
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

    private final List<String> lines;
    private int next;

    private PatchParser(byte[] patch) {
        this.lines = splitLines(new String(patch, StandardCharsets.ISO_8859_1));
    }

    public static List<FilePatch> parse(byte[] patch) throws PatchException {
        return new PatchParser(patch).files();
    }

    private List<FilePatch> files() throws PatchException {
        List<FilePatch> files = new ArrayList<>();
        while (next < lines.size()) {
            if (lines.get(next).startsWith("diff --git ")) {
                files.add(file());
            } else {
                next++; // text before the first header (a commit message, a cover letter)
            }
        }
        return files;
    }

    private FilePatch file() throws PatchException {
        String header = strip(lines.get(next++)).substring("diff --git ".length());
        Optional<String> oldPath = Optional.empty();
        Optional<String> newPath = Optional.empty();
        Optional<String> newMode = Optional.empty();
        Kind kind = Kind.MODIFY;
        boolean sawMinus = false;
        while (next < lines.size()) {
            String line = strip(lines.get(next));
            if (line.startsWith("diff --git ") || line.startsWith("@@") || line.equals("GIT binary patch")) {
                break;
            }
            next++;
            if (line.startsWith("new file mode ")) {
                kind = Kind.CREATE;
                newMode = Optional.of(line.substring("new file mode ".length()));
            } else if (line.startsWith("deleted file mode ")) {
                kind = Kind.DELETE;
            } else if (line.startsWith("new mode ")) {
                newMode = Optional.of(line.substring("new mode ".length()));
            } else if (line.startsWith("rename from ") || line.startsWith("copy from ")) {
                kind = line.startsWith("rename") ? Kind.RENAME : Kind.COPY;
                oldPath = Optional.of(path(line.substring(line.indexOf(" from ") + 6)));
            } else if (line.startsWith("rename to ") || line.startsWith("copy to ")) {
                newPath = Optional.of(path(line.substring(line.indexOf(" to ") + 4)));
            } else if (line.startsWith("--- ")) {
                sawMinus = true;
                oldPath = prefixed(line.substring(4));
            } else if (line.startsWith("+++ ")) {
                newPath = prefixed(line.substring(4));
            } else if (line.startsWith("Binary files ")) {
                throw new PatchException("binary change without data for " + pathsOf(header)[1]
                        + " (create the patch with git diff --binary)");
            }
        }
        if (!sawMinus && oldPath.isEmpty() && newPath.isEmpty()) {
            String[] both = pathsOf(header);
            oldPath = kind == Kind.CREATE ? Optional.empty() : Optional.of(both[0]);
            newPath = kind == Kind.DELETE ? Optional.empty() : Optional.of(both[1]);
        } else if (kind == Kind.MODIFY && oldPath.isPresent() && newPath.isEmpty()) {
            newPath = oldPath;
        }
        if (kind == Kind.CREATE) {
            oldPath = Optional.empty();
        } else if (kind == Kind.DELETE) {
            newPath = Optional.empty();
        }
        List<TextHunk> hunks = new ArrayList<>();
        Optional<BinaryHunk> binary = Optional.empty();
        String name = (newPath.isPresent() ? newPath : oldPath).orElse("?");
        while (next < lines.size() && lines.get(next).startsWith("@@")) {
            hunks.add(hunk(name));
        }
        if (next < lines.size() && strip(lines.get(next)).equals("GIT binary patch")) {
            next++;
            binary = Optional.of(binaryHunk());
            skipReverseHunk();
        }
        return new FilePatch(oldPath, newPath, kind, newMode, hunks, binary);
    }

    private TextHunk hunk(String file) throws PatchException {
        String header = strip(lines.get(next++));
        Matcher m = HUNK.matcher(header);
        if (!m.matches()) {
            throw new PatchException(file + ": malformed hunk header '" + header + "'");
        }
        int oldStart = Integer.parseInt(m.group(1));
        int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        List<String> body = new ArrayList<>();
        int oldSeen = 0;
        int newSeen = 0;
        while (oldSeen < oldCount || newSeen < newCount || nextIsNoNewline()) {
            if (next >= lines.size()) {
                throw new PatchException(file + ": hunk '" + header + "' is truncated");
            }
            String line = lines.get(next++);
            if (line.startsWith("\\")) {
                int last = body.size() - 1;
                if (last < 0) {
                    throw new PatchException(file + ": '\\ No newline' before any line");
                }
                body.set(last, withoutNewline(body.get(last)));
                continue;
            }
            char kind = line.equals("\n") ? ' ' : line.charAt(0);
            String text = line.equals("\n") ? " \n" : line;
            switch (kind) {
                case ' ' -> {
                    oldSeen++;
                    newSeen++;
                }
                case '-' -> oldSeen++;
                case '+' -> newSeen++;
                default ->
                    throw new PatchException(file + ": unexpected line in hunk '" + header + "': " + strip(line));
            }
            body.add(text);
        }
        return new TextHunk(oldStart, oldCount, body);
    }

    private boolean nextIsNoNewline() {
        return next < lines.size() && lines.get(next).startsWith("\\ ");
    }

    private BinaryHunk binaryHunk() throws PatchException {
        if (next >= lines.size()) {
            throw new PatchException("binary patch without a hunk");
        }
        String header = strip(lines.get(next++));
        boolean literal = header.startsWith("literal ");
        if (!literal && !header.startsWith("delta ")) {
            throw new PatchException("unknown binary hunk '" + header + "'");
        }
        int size = Integer.parseInt(header.substring(header.indexOf(' ') + 1).trim());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        while (next < lines.size() && !strip(lines.get(next)).isEmpty()) {
            Base85.decodeLine(strip(lines.get(next++)), compressed);
        }
        next++; // the blank line that ends the hunk
        byte[] data = inflate(compressed.toByteArray(), size);
        return new BinaryHunk(literal, data);
    }

    /** git writes a reverse hunk after the forward one; applying forward never needs it. */
    private void skipReverseHunk() {
        if (next < lines.size()
                && (lines.get(next).startsWith("literal ") || lines.get(next).startsWith("delta "))) {
            next++;
            while (next < lines.size() && !strip(lines.get(next)).isEmpty()) {
                next++;
            }
            next++;
        }
    }

    private static byte[] inflate(byte[] data, int size) throws PatchException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            byte[] out = new byte[size];
            int total = 0;
            while (total < size && !inflater.finished()) {
                int n = inflater.inflate(out, total, size - total);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                total += n;
            }
            if (total != size) {
                throw new PatchException("binary hunk inflates to " + total + " bytes, expected " + size);
            }
            return out;
        } catch (DataFormatException e) {
            throw new PatchException("corrupt binary hunk: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    /** A {@code ---}/{@code +++} path: {@code /dev/null} is none, otherwise the first component is dropped. */
    private static Optional<String> prefixed(String raw) throws PatchException {
        String value = raw.endsWith("\t") ? raw.substring(0, raw.length() - 1) : raw;
        if (value.equals("/dev/null")) {
            return Optional.empty();
        }
        return Optional.of(dropFirst(path(value)));
    }

    /** The two paths of a {@code diff --git a/X b/Y} line, prefixes dropped. */
    private static String[] pathsOf(String header) throws PatchException {
        if (header.startsWith("\"")) {
            int end = closingQuote(header);
            String first = path(header.substring(0, end + 1));
            String second = path(header.substring(end + 2));
            return new String[] {dropFirst(first), dropFirst(second)};
        }
        if (header.endsWith("\"")) {
            int start = header.lastIndexOf(" \"");
            return new String[] {
                dropFirst(path(header.substring(0, start))), dropFirst(path(header.substring(start + 1)))
            };
        }
        // Same path on both sides (no rename): "a/P b/P" has P at both halves.
        int half = (header.length() - 1) / 2;
        String first = header.substring(0, half);
        String second = header.substring(half + 1);
        if (dropFirst(first).equals(dropFirst(second))) {
            return new String[] {dropFirst(decode(first)), dropFirst(decode(second))};
        }
        int space = header.indexOf(" b/");
        if (space < 0) {
            throw new PatchException("cannot read paths of 'diff --git " + header + "'");
        }
        return new String[] {
            dropFirst(decode(header.substring(0, space))), dropFirst(decode(header.substring(space + 1)))
        };
    }

    private static int closingQuote(String text) {
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '"') {
                return i;
            }
        }
        return text.length() - 1;
    }

    private static String dropFirst(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** A path as git writes it: bare, or C-quoted with escapes; bytes are UTF-8. */
    static String path(String raw) throws PatchException {
        if (!raw.startsWith("\"")) {
            return decode(raw);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                bytes.write(c);
                continue;
            }
            char e = raw.charAt(++i);
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'v' -> bytes.write(11);
                case '"', '\\' -> bytes.write(e);
                default -> {
                    if (e < '0' || e > '7' || i + 2 >= raw.length()) {
                        throw new PatchException("bad escape in path " + raw);
                    }
                    bytes.write(Integer.parseInt(raw.substring(i, i + 3), 8));
                    i += 2;
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String decode(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    static String withoutNewline(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    private static String strip(String line) {
        return withoutNewline(line);
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static List<String> splitContent(String text) {
        return splitLines(text);
    }
}
