package dev.offload.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates malformed {@code offload.toml} files from valid ones (issue 11's hostile-input corpus): truncations, type
 * swaps, duplicate keys and tables, bad unicode, huge values, unknown tables and broken structure. Deterministic: the
 * same seeds always give the same corpus.
 */
final class MalformedConfigs {
    /** One generated file: what was done to which seed, and its bytes. */
    record Case(String category, String name, byte[] content) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Pattern KEY_LINE = Pattern.compile("(?m)^([a-z_]+) = (.+)$");

    private MalformedConfigs() {}

    static List<Case> from(String seedName, String seed) {
        List<Case> cases = new ArrayList<>();
        byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
        for (int quarter = 1; quarter <= 3; quarter++) {
            cases.add(new Case(
                    "truncation",
                    seedName + ": cut at " + quarter + "/4",
                    java.util.Arrays.copyOf(bytes, bytes.length * quarter / 4)));
        }
        int quote = seed.indexOf('"');
        cases.add(text("truncation", seedName + ": cut inside a string", seed.substring(0, quote + 3)));
        cases.addAll(typeSwaps(seedName, seed));
        Matcher first = KEY_LINE.matcher(seed);
        first.find();
        cases.add(text(
                "duplicate key",
                seedName + ": key '" + first.group(1) + "' twice",
                seed.replace(first.group(), first.group() + "\n" + first.group())));
        cases.add(text("duplicate key", seedName + ": [provider] twice", seed + "\n[provider]\ntype = \"local\"\n"));
        cases.addAll(badUnicode(seedName, seed));
        cases.addAll(hugeValues(seedName, seed));
        cases.add(text("unknown table", seedName + ": [surprise] table", seed + "\n[surprise]\nanswer = 42\n"));
        cases.add(text(
                "unknown table",
                seedName + ": [provider.extra.deep] table",
                seed + "\n[provider.extra.deep]\nx = 1\n"));
        cases.add(text("structure", seedName + ": key without a value", seed.replaceFirst(" = .+", " =")));
        cases.add(text(
                "structure", seedName + ": unclosed table header", seed.replaceFirst("\\[provider\\]", "[provider")));
        cases.add(text("structure", seedName + ": [[offload]] array of tables", seed + "\n[[offload]]\nx = 1\n"));
        cases.add(text("structure", seedName + ": [provider] removed", withoutTable(seed, "provider")));
        return cases;
    }

    /** Inputs that come from no seed: empty, blank, binary noise. */
    static List<Case> standalone() {
        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);
        return List.of(
                text("structure", "empty file", ""),
                text("structure", "only whitespace and comments", "\n   \n# nothing\n\t\n"),
                new Case("bad unicode", "4 KB of random bytes", noise),
                text("structure", "a JSON document", "{\"offload\": {\"max_parallel\": 4}}"));
    }

    /** Each of the first four {@code key = value} lines gets a value of another type. */
    private static List<Case> typeSwaps(String seedName, String seed) {
        List<Case> cases = new ArrayList<>();
        Matcher m = KEY_LINE.matcher(seed);
        while (m.find() && cases.size() < 4) {
            String value = m.group(2);
            String swapped = value.startsWith("\"")
                    ? "42"
                    : value.startsWith("[") ? "{ x = 1 }" : value.matches("true|false") ? "[1, 2]" : "\"forty\"";
            cases.add(text(
                    "type swap",
                    seedName + ": " + m.group(1) + " = " + swapped,
                    seed.substring(0, m.start(2)) + swapped + seed.substring(m.end(2))));
        }
        return cases;
    }

    private static List<Case> badUnicode(String seedName, String seed) {
        int quote = seed.indexOf('"') + 1;
        String head = seed.substring(0, quote);
        String tail = seed.substring(quote);
        return List.of(
                new Case(
                        "bad unicode",
                        seedName + ": invalid UTF-8 in a string",
                        bytes(head, new byte[] {(byte) 0xC3, 0x28}, tail)),
                new Case(
                        "bad unicode",
                        seedName + ": overlong UTF-8 '/'",
                        bytes(head, new byte[] {(byte) 0xC0, (byte) 0xAF}, tail)),
                text("bad unicode", seedName + ": lone surrogate escape", head + "\\uD800" + tail),
                new Case("bad unicode", seedName + ": NUL byte in a string", bytes(head, new byte[] {0}, tail)),
                text("bad unicode", seedName + ": escape past U+10FFFF", head + "\\U00110000" + tail));
    }

    private static List<Case> hugeValues(String seedName, String seed) {
        return List.of(
                text(
                        "huge value",
                        seedName + ": max_parallel = 10^30",
                        replaceOrAppend(seed, "max_parallel", "1000000000000000000000000000000")),
                text(
                        "huge value",
                        seedName + ": max_parallel = 2^31",
                        replaceOrAppend(seed, "max_parallel", "2147483648")),
                text("huge value", seedName + ": a 4 MB key", seed + "\n[groups.x]\n" + "k".repeat(4 << 20) + " = 1\n"),
                text(
                        "huge value",
                        seedName + ": 20,000 nested arrays",
                        seed + "\n[surprise]\nx = " + "[".repeat(20_000) + "]".repeat(20_000) + "\n"),
                text(
                        "huge value",
                        seedName + ": 10,000 nested inline tables",
                        seed + "\n[surprise]\nx = " + "{ a = ".repeat(10_000) + "1" + " }".repeat(10_000) + "\n"));
    }

    private static String replaceOrAppend(String seed, String key, String value) {
        return seed.contains(key + " = ")
                ? seed.replaceFirst(key + " = .+", key + " = " + value)
                : seed.replace("[offload]\n", "[offload]\n" + key + " = " + value + "\n");
    }

    private static String withoutTable(String seed, String table) {
        return seed.replaceFirst("(?s)\\[" + table + "\\]\n.*?(?=\n\\[|$)", "");
    }

    private static Case text(String category, String name, String content) {
        return new Case(category, name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
