package dev.offload.core.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code .dockerignore} rules as Docker evaluates them: patterns are anchored at the context root, {@code *} and
 * {@code ?} stay within one path segment, {@code **} spans any number of segments, {@code !} lines re-include, the last
 * matching line wins, and a path is excluded when it or one of its parent directories is.
 */
public final class DockerIgnore {
    private record Rule(Pattern pattern, boolean exclude) {}

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static final DockerIgnore NONE = new DockerIgnore(List.of());

    /** Reads {@code <dir>/.dockerignore}; no file means nothing is ignored. */
    public static DockerIgnore read(Path dir) throws IOException {
        Path file = dir.resolve(".dockerignore");
        return Files.isRegularFile(file) ? parse(Files.readAllLines(file)) : NONE;
    }

    public static DockerIgnore parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exclude = !line.startsWith("!");
            String pattern = clean(exclude ? line : line.substring(1).strip());
            if (!pattern.isEmpty()) {
                rules.add(new Rule(Pattern.compile(toRegex(pattern)), exclude));
            }
        }
        return new DockerIgnore(rules);
    }

    /** Whether some line re-includes paths with {@code !}. */
    public boolean hasExceptions() {
        return rules.stream().anyMatch(rule -> !rule.exclude());
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether {@code path} (relative, {@code /}-separated) is left out of the build context. */
    public boolean excludes(String path) {
        String clean = clean(path);
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesSelfOrParent(rule.pattern(), clean)) {
                excluded = rule.exclude();
            }
        }
        return excluded;
    }

    private static boolean matchesSelfOrParent(Pattern pattern, String path) {
        if (pattern.matcher(path).matches()) {
            return true;
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (pattern.matcher(path.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Go's filepath.Clean for relative patterns, without a leading {@code /} or {@code ./}. */
    private static String clean(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else if (!part.equals("..")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                i++;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                    i++;
                    regex.append("(?:.*/)?"); // "**/" : zero or more directories
                } else {
                    regex.append(".*");
                }
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 1);
                if (end < 0) {
                    regex.append("\\[");
                } else {
                    String body = pattern.substring(i + 1, end);
                    regex.append('[')
                            .append(body.startsWith("^") || body.startsWith("!") ? "^" + body.substring(1) : body)
                            .append(']');
                    i = end;
                }
            } else if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
