package dev.offload.core.report;

import dev.offload.core.run.RunResult;
import dev.offload.core.run.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * {@code report.html} (SPEC §11.7): one self-contained page for people, with inline CSS and SVG only (no scripts, no
 * external resources, so it opens from a CI artifact store as it is). All text is HTML-escaped.
 */
public final class HtmlReportWriter {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0;\
            background:#fff}
            main{max-width:1100px;margin:0 auto;padding:24px}
            h1{font-size:22px;margin:0 0 12px;display:flex;align-items:center;gap:12px}
            h2{font-size:17px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid #d0d7de}
            h3{font-size:13px;margin:14px 0 4px;color:#57606a}
            h4{font-size:12px;margin:8px 0 2px;color:#57606a;text-transform:uppercase;letter-spacing:.04em}
            .badge{font-size:13px;padding:3px 10px;border-radius:12px;color:#fff;text-transform:uppercase}
            .badge.pass{background:#2e9e4f}.badge.flaky{background:#bf8700}.badge.fail{background:#d93025}\
            .badge.error{background:#f08c00}
            .abort{background:#fff4e5;border:1px solid #f08c00;border-radius:6px;padding:10px 14px;margin:12px 0;\
            white-space:pre-wrap}
            .counts{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}
            .count{border:1px solid #d0d7de;border-radius:6px;padding:6px 12px;min-width:70px}
            .count b{display:block;font-size:20px}
            .count.bad b{color:#d93025}.count.warn b{color:#bf8700}.count.good b{color:#2e9e4f}
            .facts{color:#57606a;margin:4px 0}.facts span{margin-right:18px}
            details.test{border:1px solid #d0d7de;border-left-width:4px;border-radius:6px;margin:6px 0}
            details.failed,details.error{border-left-color:#d93025}details.flaky{border-left-color:#bf8700}
            details.not-run{border-left-color:#9aa0a6}details.error{border-left-color:#f08c00}
            summary{cursor:pointer;padding:6px 10px}
            summary .id{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-weight:600;word-break:break-all}
            summary .note{color:#57606a;margin-left:10px}
            .body{padding:0 12px 10px}
            .meta{color:#57606a;margin:4px 0}.cause{margin:6px 0}
            pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;padding:8px;margin:0;\
            max-height:420px;overflow:auto;white-space:pre-wrap;word-break:break-word;\
            font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
            svg.timeline{display:block;font:11px system-ui,sans-serif}
            svg.timeline .lane-label{fill:#57606a}svg.timeline .tick{fill:#57606a}
            svg.timeline .bar-label{fill:#fff;font-weight:600;stroke:#0000004d;stroke-width:2px;paint-order:stroke}
            .legend{color:#57606a}.key{margin-right:16px;white-space:nowrap}
            .swatch{display:inline-block;width:14px;height:10px;border-radius:2px;margin-right:5px;\
            vertical-align:baseline}
            .swatch.hatched{background:repeating-linear-gradient(45deg,#57606a 0 3px,#fff 3px 6px);\
            border:1px solid #57606a}
            """;

    private HtmlReportWriter() {}

    /** Writes the report atomically: readers see the old file or the complete new one. */
    public static void write(RunResult result, Path file) throws IOException {
        String page = render(result);
        AtomicFiles.write(file, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
    }

    static String render(RunResult result) {
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.element("title", "Offload run " + result.runId() + ": " + result.outcomeName());
        // <style> is raw text in HTML (entities are not decoded), so the CSS goes in as it is: it holds no '<' or '&'.
        html.open("style").raw(CSS).close("style");
        html.close("head").open("body").open("main");
        header(result, html);
        HtmlTestSections.render(result, html);
        timeline(result, html);
        html.close("main").close("body").close("html").raw("\n");
        return html.toString();
    }

    private static void header(RunResult result, Html html) {
        html.open("header");
        html.open("h1")
                .text("Offload run " + result.runId())
                .element("span", result.outcomeName(), "class", "badge " + result.outcomeName())
                .close("h1");
        result.error().ifPresent(error -> html.element("div", "Run failed: " + error, "class", "abort"));
        html.open("div", "class", "counts");
        count(html, "Total", result.outcomes().size(), "");
        count(html, "Passed", result.count(Verdict.PASSED), "good");
        count(html, "Skipped", result.count(Verdict.SKIPPED), "");
        count(html, "Flaky", result.count(Verdict.FLAKY), "warn");
        count(html, "Failed", result.count(Verdict.FAILED), "bad");
        count(html, "Not run", result.count(Verdict.NOT_RUN), "bad");
        count(html, "Errors", result.count(Verdict.ERROR), "bad");
        html.close("div");
        html.open("p", "class", "facts");
        fact(html, "Wall time", Durations.format(Duration.between(result.startedAt(), result.finishedAt())));
        fact(
                html,
                "Started",
                STARTED.format(
                        result.startedAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        fact(html, "Sandboxes", Integer.toString(result.sandboxes()));
        fact(html, "Batches", Integer.toString(result.batches().size()));
        result.shard().ifPresent(shard -> fact(html, "Shard", shard));
        result.estimatedCostUsd()
                .ifPresent(cost -> fact(
                        html,
                        "Estimated cost",
                        String.format(Locale.ROOT, "$%.4f (%.1f core-seconds)", cost, result.coreSeconds())));
        html.close("p").close("header");
    }

    private static void count(Html html, String label, long value, String tone) {
        String css = value > 0 && !tone.isEmpty() ? "count " + tone : "count";
        html.open("div", "class", css)
                .element("b", Long.toString(value))
                .text(label)
                .close("div");
    }

    private static void fact(Html html, String label, String value) {
        html.open("span").element("strong", label + ": ").text(value).close("span");
    }

    private static void timeline(RunResult result, Html html) {
        html.open("section", "class", "timeline", "id", "timeline").element("h2", "Timeline");
        if (result.batches().isEmpty()) {
            html.element("p", "No batches ran.", "class", "meta");
        } else {
            TimelineSvg.render(result, html);
            TimelineSvg.legend(html);
        }
        html.close("section");
    }
}
