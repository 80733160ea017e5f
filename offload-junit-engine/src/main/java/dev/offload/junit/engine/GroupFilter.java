package dev.offload.junit.engine;

import dev.offload.core.config.GroupConfig;
import dev.offload.core.config.ShellWords;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.launcher.TagFilter;

/**
 * A group's junit {@code filters} (SPEC §7.3) evaluated on a mirrored test, to pick its group (SPEC §16.4: the first
 * group whose filters accept the test, else the first group). The classes were already chosen by the outer launcher,
 * so the default class-name pattern does not apply here; only explicit options do.
 */
final class GroupFilter {
    private final List<Predicate<MirroredTestDescriptor>> checks;

    private GroupFilter(List<Predicate<MirroredTestDescriptor>> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The name of the first group that accepts {@code test}, else of the first group. */
    static String groupOf(MirroredTestDescriptor test, List<GroupConfig> groups) {
        for (GroupConfig group : groups) {
            if (parse(group.filters()).accepts(test)) {
                return group.name();
            }
        }
        return groups.get(0).name();
    }

    boolean accepts(MirroredTestDescriptor test) {
        return checks.stream().allMatch(check -> check.test(test));
    }

    /**
     * Parses ConsoleLauncher-style options; unknown options never match, so such a group takes no test here (the file
     * was validated when loaded).
     */
    static GroupFilter parse(String filters) {
        List<Predicate<MirroredTestDescriptor>> checks = new ArrayList<>();
        List<String> words = ShellWords.split(filters);
        for (int i = 0; i + 1 < words.size(); i += 2) {
            checks.add(check(words.get(i), words.get(i + 1)));
        }
        if (words.size() % 2 == 1) {
            checks.add(t -> false);
        }
        return new GroupFilter(checks);
    }

    private static Predicate<MirroredTestDescriptor> check(String option, String value) {
        return switch (option) {
            case "--include-tag" -> t -> TagFilter.includeTags(value).apply(t).included();
            case "--exclude-tag" -> t -> TagFilter.excludeTags(value).apply(t).included();
            case "--include-classname" ->
                t -> ClassNameFilter.includeClassNamePatterns(value)
                        .apply(className(t))
                        .included();
            case "--exclude-classname" ->
                t -> ClassNameFilter.excludeClassNamePatterns(value)
                        .apply(className(t))
                        .included();
            case "--include-package" ->
                t -> PackageNameFilter.includePackageNames(value)
                        .apply(className(t))
                        .included();
            case "--exclude-package" ->
                t -> PackageNameFilter.excludePackageNames(value)
                        .apply(className(t))
                        .included();
            case "--include-engine" -> t -> engineOf(t).equals(value);
            case "--exclude-engine" -> t -> !engineOf(t).equals(value);
            case "--select-class" ->
                t -> className(t).equals(value) || className(t).startsWith(value + "$");
            case "--select-package" -> t -> className(t).startsWith(value + ".");
            default -> t -> false;
        };
    }

    private static String className(MirroredTestDescriptor test) {
        return MirroredClassDescriptor.of(test)
                .map(MirroredClassDescriptor::className)
                .orElse("");
    }

    private static String engineOf(MirroredTestDescriptor test) {
        try {
            return UniqueId.parse(test.innerId()).getEngineId().orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }
}
