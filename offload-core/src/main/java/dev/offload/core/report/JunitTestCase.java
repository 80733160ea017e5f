package dev.offload.core.report;

import dev.offload.core.framework.TestCaseResult;
import dev.offload.core.framework.TestCaseResult.Failure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <testcase>} with every result element it holds, in document order. Richer than {@link TestCaseResult}:
 * the {@code logs} command and duration reading also need Surefire's flaky and rerun elements.
 *
 * @param name the {@code name} attribute
 * @param classname the {@code classname} attribute, empty when absent
 * @param timeSecs the {@code time} attribute, 0 when absent or not a number
 * @param elements the {@code failure}, {@code error}, {@code skipped}, {@code flakyFailure}, {@code flakyError},
 *     {@code rerunFailure} and {@code rerunError} children
 * @param systemOut the testcase's own {@code <system-out>} text
 * @param systemErr the testcase's own {@code <system-err>} text
 */
public record JunitTestCase(
        String name, String classname, double timeSecs, List<Element> elements, String systemOut, String systemErr) {

    public JunitTestCase {
        Objects.requireNonNull(name);
        Objects.requireNonNull(classname);
        elements = List.copyOf(elements);
        Objects.requireNonNull(systemOut);
        Objects.requireNonNull(systemErr);
    }

    /**
     * A result element.
     *
     * @param kind the element name, e.g. {@code failure} or {@code flakyError}
     * @param body the element text, or for Surefire's flaky and rerun elements their {@code <stackTrace>} text
     * @param systemOut the nested {@code <system-out>} of a flaky or rerun element, else empty
     * @param systemErr the nested {@code <system-err>} of a flaky or rerun element, else empty
     */
    public record Element(String kind, String type, String message, String body, String systemOut, String systemErr) {

        /** A {@code <failure>} or {@code <error>}: the attempt failed (SPEC §10.2). */
        public boolean isFailure() {
            return kind.equals("failure") || kind.equals("error");
        }

        public boolean isSkipped() {
            return kind.equals("skipped");
        }

        Failure toFailure() {
            return new Failure(kind.equals("error"), type, message, body);
        }
    }

    /**
     * The testcase as a raw runner result: failed when it has a {@code <failure>} or {@code <error>}; skipped when it
     * has only {@code <skipped>}. The failure is the first failure-like element; later ones (a pytest teardown error
     * after a call failure) are appended to its body so no detail is lost. For a skipped testcase the failure carries
     * the {@code <skipped>} element's message, which the report writer shows as the skip reason.
     */
    public TestCaseResult toResult() {
        List<Element> failures = elements.stream().filter(Element::isFailure).toList();
        if (!failures.isEmpty()) {
            Failure merged = failures.get(0).toFailure();
            for (Element later : failures.subList(1, failures.size())) {
                merged = Failures.append(merged, later.toFailure());
            }
            return result(TestCaseResult.Status.FAILED, Optional.of(merged));
        }
        Optional<Element> skipped = elements.stream().filter(Element::isSkipped).findFirst();
        if (skipped.isPresent()) {
            return result(TestCaseResult.Status.SKIPPED, skipped.map(Element::toFailure));
        }
        return result(TestCaseResult.Status.PASSED, Optional.empty());
    }

    private TestCaseResult result(TestCaseResult.Status status, Optional<Failure> failure) {
        return new TestCaseResult(name, classname, timeSecs, status, failure, systemOut, systemErr);
    }
}
