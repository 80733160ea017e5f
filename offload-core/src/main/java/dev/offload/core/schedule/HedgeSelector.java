package dev.offload.core.schedule;

import java.util.List;
import java.util.Optional;

public final class HedgeSelector {
    private HedgeSelector() {}

    public static Optional<HedgePick> pick(List<RunningBatch> running) {
        return Optional.empty();
    }
}
