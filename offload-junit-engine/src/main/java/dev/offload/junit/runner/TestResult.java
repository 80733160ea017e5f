package dev.offload.junit.runner;

/**
 * What one test did in this JVM.
 *
 * @param id the test's UniqueId
 * @param className the class it belongs to (Surefire's {@code classname}), empty when none
 * @param status {@code passed}, {@code failed}, {@code aborted} or {@code skipped}
 * @param millis its duration
 * @param error the throwable of a failed or aborted test, else null
 * @param reason why it was skipped, else null
 * @param out what it printed to {@code System.out}
 * @param err what it printed to {@code System.err}
 */
record TestResult(
        String id,
        String className,
        String status,
        long millis,
        Throwable error,
        String reason,
        String out,
        String err) {

    boolean failed() {
        return status.equals("failed");
    }

    /** Surefire's split: an assertion failure is a {@code <failure>}, anything else an {@code <error>}. */
    boolean assertionFailure() {
        return error instanceof AssertionError;
    }

    /** The event line's object (SPEC §7.3). */
    JsonText endEvent() {
        JsonText event = new JsonText()
                .field("ev", "end")
                .field("id", id)
                .field("class", className)
                .field("status", status)
                .field("ms", millis)
                .field("reason", reason)
                // The test's own output travels with its result: Offload may decide the test from this line alone.
                .field("stdout", out.isEmpty() ? null : out)
                .field("stderr", err.isEmpty() ? null : err);
        if (error != null) {
            event.object(
                    "err",
                    new JsonText()
                            .field("type", error.getClass().getName())
                            .field("message", error.getMessage())
                            .field("trace", StackTraces.of(error))
                            .field("kind", assertionFailure() ? "failure" : "error"));
        }
        return event;
    }
}
