package dev.offload.core.framework;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the {@code --testNamePattern} that selects exactly a batch's vitest tests (SPEC §7.2 vitest). vitest matches
 * the pattern against the suite titles and the test title joined by single spaces (not by {@code " > "}), and a title
 * may itself contain {@code " > "}: so each id's name is split at every {@code " > "}, each piece escaped, and the
 * pieces joined by {@code (?: | > )}, which matches either separator.
 */
final class VitestNamePattern {
    static final String SEPARATOR = " > ";
    private static final Pattern REPEAT = Pattern.compile(" \\[#([2-9]|[1-9][0-9]+)\\]$");
    private static final String JS_REGEX_SPECIALS = "\\^$.*+?()[]{}|/";

    private VitestNamePattern() {}

    /**
     * {@code ^(<alt1>|<alt2>…)$}, alternatives sorted and de-duplicated. The k-th test of a repeated name (id ending in
     * {@code [#k]}) is selected by the name itself, which runs every listing of that name (SPEC §7.2); the literal name
     * is kept too, in case a title really ends like that (an extra test run is ignored, a missing one would not be).
     */
    static String of(Collection<String> ids) {
        TreeSet<String> alternatives = new TreeSet<>();
        for (String id : ids) {
            String name = nameOf(id);
            alternatives.add(alternative(name));
            String base = withoutRepeat(name);
            if (!base.equals(name)) {
                alternatives.add(alternative(base));
            }
        }
        return "^(" + String.join("|", alternatives) + ")$";
    }

    /** The name of the k-th test (k from 1) of one file sharing {@code name}: {@code <name> [#k]} from the second on. */
    static String repeated(String name, int k) {
        return k == 1 ? name : name + " [#" + k + "]";
    }

    /** {@code name} without a trailing {@code " [#k]"} (k ≥ 2). */
    static String withoutRepeat(String name) {
        return REPEAT.matcher(name).replaceFirst("");
    }

    /** The id's part after its first {@code " > "} (the file comes before it). */
    static String nameOf(String id) {
        int sep = id.indexOf(SEPARATOR);
        return sep < 0 ? id : id.substring(sep + SEPARATOR.length());
    }

    /** The id's part before its first {@code " > "}: the test file. */
    static String fileOf(String id) {
        int sep = id.indexOf(SEPARATOR);
        return sep < 0 ? id : id.substring(0, sep);
    }

    static String alternative(String name) {
        return List.of(name.split(" > ", -1)).stream()
                .map(VitestNamePattern::escape)
                .collect(Collectors.joining("(?: | > )"));
    }

    /** Escapes JavaScript {@code RegExp} syntax characters; an escaped punctuation character matches itself. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (JS_REGEX_SPECIALS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }
}
