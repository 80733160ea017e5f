package dev.offload.core.run;

import dev.offload.core.framework.Framework;
import dev.offload.core.framework.StreamedEvent;
import dev.offload.core.framework.TestCaseResolver;
import dev.offload.core.framework.TestCaseResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A batch's results by test id, with the tests registered at run time under a batch id (junit template invocations):
 * from the result file, from streamed {@code end} events, or both. Immutable.
 *
 * @param results by id, batch ids and dynamic ids alike
 * @param dynamicParents for each dynamic id, the batch id it belongs to
 * @param unlistedSkips skipped tests discovery could not list (vitest skip/todo, SPEC §7.2), each with the batch id whose
 *     group it joins; their results are in {@code results} too
 */
record BatchResults(
        Map<String, TestCaseResult> results, Map<String, String> dynamicParents, Map<String, String> unlistedSkips) {
    static final BatchResults NONE = new BatchResults(Map.of(), Map.of());

    BatchResults {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results)); // keeps the runner's order
        dynamicParents = Collections.unmodifiableMap(new LinkedHashMap<>(dynamicParents));
        unlistedSkips = Collections.unmodifiableMap(new LinkedHashMap<>(unlistedSkips));
    }

    BatchResults(Map<String, TestCaseResult> results, Map<String, String> dynamicParents) {
        this(results, dynamicParents, Map.of());
    }

    /** Resolves a result file's testcases (SPEC §7.1), keeping the dynamic ones the framework recognises. */
    static BatchResults resolve(
            List<TestCaseResult> cases, List<String> batchIds, Framework framework, Consumer<String> warnings) {
        Set<String> ids = new HashSet<>(batchIds);
        String format = framework.testIdFormat();
        List<TestCaseResult> plain = new ArrayList<>();
        Map<String, TestCaseResult> dynamic = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, String> unlisted = new LinkedHashMap<>();
        for (TestCaseResult testCase : cases) {
            String id = format.replace("{name}", testCase.name()).replace("{classname}", testCase.classname());
            Optional<String> parent = ids.contains(id) ? Optional.empty() : framework.dynamicParent(id, ids);
            Optional<String> anchor = ids.contains(id) || testCase.status() != TestCaseResult.Status.SKIPPED
                    ? Optional.empty()
                    : framework.unlistedSkipAnchor(id, batchIds);
            if (anchor.isPresent()) {
                dynamic.putIfAbsent(id, testCase);
                unlisted.putIfAbsent(id, anchor.get());
            } else if (parent.isPresent()) {
                dynamic.put(id, testCase);
                parents.put(id, parent.get());
            } else {
                plain.add(testCase);
            }
        }
        Map<String, TestCaseResult> results =
                new LinkedHashMap<>(TestCaseResolver.resolve(plain, batchIds, format, warnings));
        results.putAll(dynamic);
        return new BatchResults(results, parents, unlisted);
    }

    /** The results carried by {@code end} events, for ids of this batch or registered under one. */
    static BatchResults fromEvents(List<StreamedEvent> events, List<String> batchIds, Framework framework) {
        Set<String> ids = new HashSet<>(batchIds);
        Map<String, TestCaseResult> results = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        for (StreamedEvent event : events) {
            if (event.kind() != StreamedEvent.Kind.END || event.result().isEmpty()) {
                continue;
            }
            if (ids.contains(event.id())) {
                results.put(event.id(), event.result().get());
            } else {
                Optional<String> parent = framework.dynamicParent(event.id(), ids);
                if (parent.isPresent()) {
                    results.put(event.id(), event.result().get());
                    parents.put(event.id(), parent.get());
                }
            }
        }
        return new BatchResults(results, parents);
    }

    /** These results, plus the other's for ids these lack (the result file stays the source of details). */
    BatchResults orElse(BatchResults other) {
        Map<String, TestCaseResult> merged = new LinkedHashMap<>(results);
        Map<String, String> mergedParents = new LinkedHashMap<>(dynamicParents);
        other.results.forEach((id, result) -> {
            if (!merged.containsKey(id)) {
                merged.put(id, result);
                String parent = other.dynamicParents.get(id);
                if (parent != null) {
                    mergedParents.put(id, parent);
                }
            }
        });
        return new BatchResults(merged, mergedParents, unlistedSkips); // events never carry unlisted skips
    }
}
