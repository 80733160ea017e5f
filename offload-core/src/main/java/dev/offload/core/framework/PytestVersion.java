package dev.offload.core.framework;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A pytest version as the bundled plugin reports it at discovery, e.g. {@code 9.0.3} or {@code 8.2.0.dev12+g1}. */
record PytestVersion(int major, int minor) {
    private static final Pattern LEADING = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** The version that added {@code @file} arguments (one argument a line). */
    static final PytestVersion ARGS_FROM_FILE = new PytestVersion(8, 2);

    /** The major and minor parts; an unreadable text counts as 0.0, i.e. too old for anything new. */
    static PytestVersion parse(String text) {
        Matcher m = LEADING.matcher(text.strip());
        return m.find()
                ? new PytestVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                : new PytestVersion(0, 0);
    }

    boolean atLeast(PytestVersion other) {
        return major != other.major ? major > other.major : minor >= other.minor;
    }
}
