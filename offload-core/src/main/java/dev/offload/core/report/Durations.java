package dev.offload.core.report;

import java.time.Duration;
import java.util.Locale;

/** How Offload prints durations (SPEC §15.1): {@code 850ms}, {@code 6.0s}, {@code 1m 23.4s}, {@code 1h 02m 03s}. */
public final class Durations {

    private Durations() {}

    public static String format(Duration duration) {
        long nanos = Math.max(0, duration.toNanos());
        long millis = Math.round(nanos / 1e6);
        if (millis < 1000) {
            return millis + "ms";
        }
        long tenths = Math.round(nanos / 1e8);
        if (tenths < 600) {
            return String.format(Locale.ROOT, "%d.%ds", tenths / 10, tenths % 10);
        }
        if (tenths < 36_000) {
            long minutes = tenths / 600;
            long rest = tenths % 600;
            return String.format(Locale.ROOT, "%dm %d.%ds", minutes, rest / 10, rest % 10);
        }
        long secs = Math.round(nanos / 1e9);
        return String.format(Locale.ROOT, "%dh %02dm %02ds", secs / 3600, secs % 3600 / 60, secs % 60);
    }

    /** {@link #format(Duration)} for a number of seconds. */
    public static String formatSecs(double secs) {
        return format(Duration.ofNanos(Math.round(secs * 1e9)));
    }
}
