package dev.offload.core.history;

import dev.offload.core.schedule.Utf8Order;
import java.util.Comparator;

/**
 * The key of one history line (SPEC §12.1): the config file name and the canonical test id. Ordered by config, then
 * id, comparing UTF-8 bytes, which is the order of the file (§12.6).
 */
public record HistoryKey(String config, String testId) implements Comparable<HistoryKey> {
    private static final Comparator<HistoryKey> ORDER = Comparator.comparing(HistoryKey::config, Utf8Order.COMPARATOR)
            .thenComparing(HistoryKey::testId, Utf8Order.COMPARATOR);

    @Override
    public int compareTo(HistoryKey other) {
        return ORDER.compare(this, other);
    }
}
