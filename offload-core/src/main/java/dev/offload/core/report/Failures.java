package dev.offload.core.report;

import dev.offload.core.framework.TestCaseResult.Failure;

/** Combining failure elements that belong to one test. */
public final class Failures {

    private Failures() {}

    /**
     * Keeps {@code first}'s kind, type and message and appends {@code later}'s details to its body, e.g. a pytest
     * teardown error reported after the call failure.
     */
    public static Failure append(Failure first, Failure later) {
        StringBuilder body = new StringBuilder(first.body());
        if (body.length() > 0 && body.charAt(body.length() - 1) != '\n') {
            body.append('\n');
        }
        body.append('\n').append(later.error() ? "error" : "failure");
        if (!later.type().isEmpty()) {
            body.append(' ').append(later.type());
        }
        if (!later.message().isEmpty()) {
            body.append(": ").append(later.message());
        }
        if (!later.body().isEmpty()) {
            body.append('\n').append(later.body());
        }
        return new Failure(first.error(), first.type(), first.message(), body.toString());
    }
}
