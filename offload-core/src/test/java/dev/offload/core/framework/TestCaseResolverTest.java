package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.framework.TestCaseResult.Failure;
import dev.offload.core.framework.TestCaseResult.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestCaseResolverTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void exactFormatMatchWins() {
        List<String> ids = List.of("mycrate::tests a::b", "mycrate::tests b");
        Map<String, TestCaseResult> resolved = TestCaseResolver.resolve(
                List.of(passed("a::b", "mycrate::tests"), passed("b", "mycrate::tests")),
                ids,
                "{classname} {name}",
                warnings::add);

        assertThat(resolved).containsOnlyKeys(ids);
        assertThat(warnings).isEmpty();
    }

    @Test
    void pytestNamesWithoutPathResolveByNormalisedSuffix() {
        List<String> ids = List.of("tests/test_math.py::TestOps::test_div[1-0]", "tests/test_math.py::test_add");
        Map<String, TestCaseResult> resolved = TestCaseResolver.resolve(
                List.of(passed("test_div[1-0]", "tests.test_math.TestOps"), passed("test_add", "tests.test_math")),
                ids,
                "{name}",
                warnings::add);

        assertThat(resolved).containsOnlyKeys(ids);
        assertThat(warnings).isEmpty();
    }

    @Test
    void tieLeavesTestcaseUnresolvedWithWarningAndKeepsTheRest() {
        List<String> ids = List.of("a/test_x.py::test_same", "b/test_y.py::test_same", "a/test_x.py::test_ok");
        Map<String, TestCaseResult> resolved = TestCaseResolver.resolve(
                List.of(passed("test_same", ""), passed("a/test_x.py::test_ok", "")), ids, "{name}", warnings::add);

        assertThat(resolved).containsOnlyKeys("a/test_x.py::test_ok");
        assertThat(warnings)
                .singleElement()
                .asString()
                .isEqualTo("testcase 'test_same' matches several tests of this batch equally "
                        + "('a/test_x.py::test_same', 'b/test_y.py::test_same'); ignored");
    }

    @Test
    void unknownTestcaseIsIgnoredWithWarning() {
        Map<String, TestCaseResult> resolved = TestCaseResolver.resolve(
                List.of(passed("test_div[2-0]", ""), passed("test_div[1-0]", "")),
                List.of("t.py::test_div[1-0]"),
                "{name}",
                warnings::add);

        assertThat(resolved).containsOnlyKeys("t.py::test_div[1-0]");
        assertThat(warnings).containsExactly("testcase 'test_div[2-0]' matches no test of this batch; ignored");
    }

    @Test
    void testcasesOfOneIdAreCombined() {
        TestCaseResult call = new TestCaseResult(
                "t.py::test_x",
                "t",
                1.5,
                Status.FAILED,
                Optional.of(new Failure(false, "AssertionError", "call failed", "trace")),
                "out1",
                "");
        TestCaseResult teardown = new TestCaseResult(
                "t.py::test_x",
                "t",
                0.25,
                Status.FAILED,
                Optional.of(new Failure(true, "RuntimeError", "teardown exploded", "trace2")),
                "out2",
                "err");

        TestCaseResult combined = TestCaseResolver.resolve(
                        List.of(call, teardown), List.of("t.py::test_x"), "{name}", warnings::add)
                .get("t.py::test_x");

        assertThat(combined.status()).isEqualTo(Status.FAILED);
        assertThat(combined.timeSecs()).isEqualTo(1.75);
        assertThat(combined.systemOut()).isEqualTo("out1\nout2");
        assertThat(combined.systemErr()).isEqualTo("err");
        assertThat(combined.failure()).get().satisfies(f -> {
            assertThat(f.message()).isEqualTo("call failed");
            assertThat(f.body()).isEqualTo("trace\n\nerror RuntimeError: teardown exploded\ntrace2");
        });
    }

    @Test
    void combinedSkipOnlyWhenAllSkipped() {
        TestCaseResult skipped = new TestCaseResult("x", "", 0, Status.SKIPPED, Optional.empty(), "", "");
        assertThat(TestCaseResolver.combine(List.of(skipped, passed("x", ""))).status())
                .isEqualTo(Status.PASSED);
        assertThat(TestCaseResolver.combine(List.of(skipped, skipped)).status()).isEqualTo(Status.SKIPPED);
    }

    private static TestCaseResult passed(String name, String classname) {
        return new TestCaseResult(name, classname, 0.1, Status.PASSED, Optional.empty(), "", "");
    }
}
