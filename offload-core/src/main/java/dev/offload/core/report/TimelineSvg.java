package dev.offload.core.report;

import dev.offload.core.run.BatchRecord;
import dev.offload.core.run.BatchRecord.BatchOutcome;
import dev.offload.core.run.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The batch timeline of {@code report.html} (SPEC §11.7) as inline SVG: one lane per sandbox slot, one bar per batch
 * placed by its start and end relative to the run start, coloured by outcome, hedges hatched, and a time axis.
 */
final class TimelineSvg {

    private static final int WIDTH = 1000;
    private static final int LABEL_WIDTH = 92;
    private static final int RIGHT_PAD = 24;
    private static final int PLOT_WIDTH = WIDTH - LABEL_WIDTH - RIGHT_PAD;
    private static final int TOP = 6;
    private static final int LANE_HEIGHT = 26;
    private static final int BAR_HEIGHT = 18;
    private static final int AXIS_HEIGHT = 30;
    private static final int MAX_TICKS = 8;
    private static final double[] TICK_STEPS = {
        0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400
    };

    private TimelineSvg() {}

    /** The fill colour of a batch outcome: success green, failure red, error orange, cancelled grey. */
    static String color(BatchOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "#2e9e4f";
            case FAILURE -> "#d93025";
            case ERROR -> "#f08c00";
            case CANCELLED -> "#9aa0a6";
        };
    }

    static void render(RunResult result, Html html) {
        int lanes = lanes(result);
        double span = span(result);
        int height = TOP + lanes * LANE_HEIGHT + AXIS_HEIGHT;
        html.open(
                "svg",
                "class",
                "timeline",
                "viewBox",
                "0 0 " + WIDTH + " " + height,
                "width",
                "100%",
                "role",
                "img",
                "aria-label",
                "Batch timeline: " + result.batches().size() + " batches on " + lanes + " sandboxes");
        hatchPatterns(html);
        for (int lane = 0; lane < lanes; lane++) {
            lane(html, lane);
        }
        axis(html, span, TOP + lanes * LANE_HEIGHT);
        for (BatchRecord batch : result.batches()) {
            bar(html, batch, result.startedAt(), span);
        }
        html.close("svg");
    }

    /** One lane per slot the run had, and more if a batch names a higher slot. */
    private static int lanes(RunResult result) {
        int maxSlot =
                result.batches().stream().mapToInt(BatchRecord::sandbox).max().orElse(-1);
        return Math.max(1, Math.max(result.sandboxes(), maxSlot + 1));
    }

    /** Seconds shown on the axis: the wall time, or longer if a batch record ends after it. */
    private static double span(RunResult result) {
        double span = secsBetween(result.startedAt(), result.finishedAt());
        for (BatchRecord batch : result.batches()) {
            span = Math.max(span, secsBetween(result.startedAt(), batch.finished()));
        }
        return Math.max(span, 0.001);
    }

    private static void hatchPatterns(Html html) {
        html.open("defs");
        for (BatchOutcome outcome : BatchOutcome.values()) {
            html.open(
                            "pattern",
                            "id",
                            "hatch-" + outcome.suffix(),
                            "width",
                            "8",
                            "height",
                            "8",
                            "patternUnits",
                            "userSpaceOnUse",
                            "patternTransform",
                            "rotate(45)")
                    .empty("rect", "width", "8", "height", "8", "fill", color(outcome))
                    .empty("rect", "width", "3", "height", "8", "fill", "#ffffff", "fill-opacity", "0.6")
                    .close("pattern");
        }
        html.close("defs");
    }

    private static void lane(Html html, int lane) {
        int y = TOP + lane * LANE_HEIGHT;
        html.empty(
                "rect",
                "class",
                "lane",
                "x",
                Integer.toString(LABEL_WIDTH),
                "y",
                Integer.toString(y),
                "width",
                Integer.toString(PLOT_WIDTH),
                "height",
                Integer.toString(LANE_HEIGHT),
                "fill",
                lane % 2 == 0 ? "#f6f8fa" : "#ffffff");
        html.element(
                "text",
                "sandbox " + lane,
                "class",
                "lane-label",
                "x",
                Integer.toString(LABEL_WIDTH - 8),
                "y",
                Integer.toString(y + LANE_HEIGHT / 2 + 4),
                "text-anchor",
                "end");
    }

    private static void axis(Html html, double span, int y) {
        html.empty(
                "line",
                "class",
                "axis",
                "x1",
                num(LABEL_WIDTH),
                "y1",
                num(y),
                "x2",
                num(LABEL_WIDTH + PLOT_WIDTH),
                "y2",
                num(y),
                "stroke",
                "#57606a");
        double step = tickStep(span);
        for (int i = 0; i * step <= span + 1e-9; i++) {
            double x = x(i * step, span);
            html.empty(
                    "line",
                    "class",
                    "grid",
                    "x1",
                    num(x),
                    "y1",
                    num(TOP),
                    "x2",
                    num(x),
                    "y2",
                    num(y + 4),
                    "stroke",
                    "#d0d7de",
                    "stroke-width",
                    "1");
            html.element(
                    "text",
                    tickLabel(i * step, step),
                    "class",
                    "tick",
                    "x",
                    num(x),
                    "y",
                    num(y + 18),
                    "text-anchor",
                    "middle");
        }
    }

    private static void bar(Html html, BatchRecord batch, Instant runStart, double span) {
        double start = Math.max(0, secsBetween(runStart, batch.started()));
        double end = Math.max(start, secsBetween(runStart, batch.finished()));
        double x = x(start, span);
        double width = Math.max(1.5, x(end, span) - x);
        int y = TOP + batch.sandbox() * LANE_HEIGHT + (LANE_HEIGHT - BAR_HEIGHT) / 2;
        String outcome = batch.outcome().suffix();
        String fill = batch.hedge() ? "url(#hatch-" + outcome + ")" : color(batch.outcome());
        html.open("g", "class", "batch " + outcome + (batch.hedge() ? " hedge" : ""));
        html.element("title", tooltip(batch));
        html.empty(
                "rect",
                "x",
                num(x),
                "y",
                num(y),
                "width",
                num(width),
                "height",
                num(BAR_HEIGHT),
                "rx",
                "2",
                "fill",
                fill,
                "stroke",
                color(batch.outcome()));
        if (width >= 34) {
            html.element(
                    "text", "#" + batch.number(), "class", "bar-label", "x", num(x + 4), "y", num(y + BAR_HEIGHT - 5));
        }
        html.close("g");
    }

    static String tooltip(BatchRecord batch) {
        StringBuilder text = new StringBuilder()
                .append("batch #")
                .append(batch.number())
                .append(": ")
                .append(batch.tests())
                .append(batch.tests() == 1 ? " test, " : " tests, ")
                .append(Durations.formatSecs(batch.secs()))
                .append(", ")
                .append(batch.outcome().suffix())
                .append(", sandbox ")
                .append(batch.sandbox());
        if (batch.hedge()) {
            text.append(", hedge");
        }
        if (batch.retry()) {
            text.append(", retry");
        }
        return text.toString();
    }

    /** The smallest round step that gives at most {@link #MAX_TICKS} intervals. */
    static double tickStep(double span) {
        for (double step : TICK_STEPS) {
            if (span / step <= MAX_TICKS) {
                return step;
            }
        }
        return Math.ceil(span / MAX_TICKS / 86400) * 86400;
    }

    static String tickLabel(double secs, double step) {
        if (step < 1) {
            return String.format(Locale.ROOT, "%.1fs", secs);
        }
        long s = Math.round(secs);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s % 60 == 0 ? s / 60 + "m" : String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return s % 3600 == 0 ? s / 3600 + "h" : String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
    }

    private static double x(double secs, double span) {
        return LABEL_WIDTH + secs / span * PLOT_WIDTH;
    }

    private static double secsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The key below the timeline, as HTML swatches (HTML has no self-closing {@code <span/>}). */
    static void legend(Html html) {
        html.open("p", "class", "legend");
        for (BatchOutcome outcome : BatchOutcome.values()) {
            html.open("span", "class", "key")
                    .open("span", "class", "swatch", "style", "background:" + color(outcome))
                    .close("span")
                    .text(outcome.suffix())
                    .close("span");
        }
        html.open("span", "class", "key")
                .open("span", "class", "swatch hatched")
                .close("span")
                .text("hedge (hatched)")
                .close("span")
                .text("Hover a bar for its batch number, tests, duration and outcome.")
                .close("p");
    }
}
