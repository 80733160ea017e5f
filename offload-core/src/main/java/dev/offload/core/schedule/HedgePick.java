package dev.offload.core.schedule;

import java.util.List;

/**
 * A hedge to start on an idle sandbox (SPEC §9.6).
 *
 * @param batchNumber the running batch being hedged
 * @param ids the ids to run again, in batch order
 */
public record HedgePick(int batchNumber, List<String> ids) {
    public HedgePick {
        ids = List.copyOf(ids);
    }
}
