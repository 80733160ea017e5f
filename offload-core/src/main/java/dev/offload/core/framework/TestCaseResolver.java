package dev.offload.core.framework;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

public final class TestCaseResolver {
    private TestCaseResolver() {}

    public static Map<String, TestCaseResult> resolve(
            List<TestCaseResult> cases, List<String> batchIds, String testIdFormat, Consumer<String> warnings) {
        throw new UnsupportedOperationException();
    }
}
