package dev.offload.junit.runner;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Prints the test plan as JSON lines (SPEC §7.3): one object per test or container with {@code uid}, {@code parent},
 * {@code kind}, {@code name} (display name), {@code legacy} (legacy reporting name), {@code class}, {@code tags} and
 * {@code source}. Offload calls {@link #discover} in an isolated class loader over the project's class path;
 * {@link #main} does the same from a command line.
 *
 * <p>Arguments: {@code --scan-classpath DIR} (repeatable) and the ConsoleLauncher-style filters {@code --include-tag},
 * {@code --exclude-tag}, {@code --include-classname}, {@code --exclude-classname}, {@code --include-package},
 * {@code --exclude-package}, {@code --include-engine}, {@code --exclude-engine}, {@code --select-class},
 * {@code --select-package} (select options replace the class path scan).
 */
public final class Discovery {
    /** The ConsoleLauncher's default class-name pattern. */
    public static final String DEFAULT_CLASSNAME_PATTERN = "^(Test.*|.+[.$]Test.*|.*Tests?|.*TestCase)$";

    private Discovery() {}

    public static void main(String[] args) throws IOException {
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        out.write(discover(args));
        out.flush();
    }

    /**
     * Discovers with the given arguments.
     *
     * @return one JSON object per line, parents before children
     * @throws IllegalArgumentException for an unknown option or a missing value
     */
    public static String discover(String[] args) {
        Options options = Options.parse(args);
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(options.selectors())
                .filters(options.filters().toArray(Filter[]::new))
                .build();
        TestPlan plan = Launchers.create().discover(request);
        StringBuilder out = new StringBuilder();
        for (TestIdentifier root : plan.getRoots()) {
            write(plan, root, null, out);
        }
        return out.toString();
    }

    private static void write(TestPlan plan, TestIdentifier node, String inheritedClass, StringBuilder out) {
        String className = Launchers.className(node.getSource()).orElse(inheritedClass);
        Set<String> tags = new TreeSet<>();
        for (TestTag tag : node.getTags()) {
            tags.add(tag.getName());
        }
        out.append(new JsonText()
                        .field("uid", node.getUniqueId())
                        .field("parent", node.getParentId().orElse(null))
                        .field("kind", node.getType().name())
                        .field("name", node.getDisplayName())
                        .field("legacy", node.getLegacyReportingName())
                        .field("class", className)
                        .field("tags", tags)
                        .field("source", Launchers.describe(node.getSource())))
                .append('\n');
        for (TestIdentifier child : plan.getChildren(node)) {
            write(plan, child, className, out);
        }
    }

    /** The parsed command line. */
    record Options(List<Path> roots, List<DiscoverySelector> explicit, List<Filter<?>> filters) {
        static Options parse(String[] args) {
            List<Path> roots = new ArrayList<>();
            List<DiscoverySelector> explicit = new ArrayList<>();
            Map<String, List<String>> values = new java.util.LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (!KNOWN.contains(option)) {
                    throw new IllegalArgumentException(
                            "unknown option '" + option + "' (expected one of " + String.join(", ", KNOWN) + ")");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option '" + option + "' needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--scan-classpath" -> roots.add(Path.of(value));
                    case "--select-class" -> explicit.add(DiscoverySelectors.selectClass(value));
                    case "--select-package" -> explicit.add(DiscoverySelectors.selectPackage(value));
                    default ->
                        values.computeIfAbsent(option, k -> new ArrayList<>()).add(value);
                }
            }
            return new Options(roots, explicit, filters(values));
        }

        List<DiscoverySelector> selectors() {
            if (!explicit.isEmpty()) {
                return explicit;
            }
            Set<Path> existing = new LinkedHashSet<>();
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    existing.add(root);
                }
            }
            return new ArrayList<>(DiscoverySelectors.selectClasspathRoots(existing));
        }

        private static List<Filter<?>> filters(Map<String, List<String>> values) {
            List<Filter<?>> filters = new ArrayList<>();
            List<String> include = values.getOrDefault("--include-classname", List.of(DEFAULT_CLASSNAME_PATTERN));
            filters.add(ClassNameFilter.includeClassNamePatterns(include.toArray(String[]::new)));
            get(values, "--exclude-classname").ifPresent(v -> filters.add(ClassNameFilter.excludeClassNamePatterns(v)));
            get(values, "--include-package").ifPresent(v -> filters.add(PackageNameFilter.includePackageNames(v)));
            get(values, "--exclude-package").ifPresent(v -> filters.add(PackageNameFilter.excludePackageNames(v)));
            get(values, "--include-tag").ifPresent(v -> filters.add(TagFilter.includeTags(v)));
            get(values, "--exclude-tag").ifPresent(v -> filters.add(TagFilter.excludeTags(v)));
            get(values, "--include-engine").ifPresent(v -> filters.add(EngineFilter.includeEngines(v)));
            get(values, "--exclude-engine").ifPresent(v -> filters.add(EngineFilter.excludeEngines(v)));
            return filters;
        }

        private static Optional<String[]> get(Map<String, List<String>> values, String option) {
            return Optional.ofNullable(values.get(option)).map(v -> v.toArray(String[]::new));
        }

        /** Every option {@link #parse} accepts. */
        static final List<String> KNOWN = List.of(
                "--scan-classpath",
                "--select-class",
                "--select-package",
                "--include-classname",
                "--exclude-classname",
                "--include-package",
                "--exclude-package",
                "--include-tag",
                "--exclude-tag",
                "--include-engine",
                "--exclude-engine");
    }
}
