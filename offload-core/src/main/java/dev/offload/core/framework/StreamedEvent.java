package dev.offload.core.framework;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code ##offload:<token>## {...}} line a runner printed during a batch (SPEC §7.1, §7.3).
 *
 * @param kind what happened
 * @param id the test id
 * @param parent for {@link Kind#DYN}: the id the new test was registered under (a junit template or factory)
 * @param result for {@link Kind#END}: the test's result as the runner reported it
 */
public record StreamedEvent(Kind kind, String id, Optional<String> parent, Optional<TestCaseResult> result) {
    public StreamedEvent {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(id);
        Objects.requireNonNull(parent);
        Objects.requireNonNull(result);
    }

    public enum Kind {
        START,
        DYN,
        END
    }
}
