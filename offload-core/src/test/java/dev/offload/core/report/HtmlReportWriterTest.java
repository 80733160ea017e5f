package dev.offload.core.report;

import static dev.offload.core.report.RunFixtures.errored;
import static dev.offload.core.report.RunFixtures.fail;
import static dev.offload.core.report.RunFixtures.pass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.framework.TestCaseResult.Failure;
import dev.offload.core.framework.TestCaseResult.Status;
import dev.offload.core.run.Attempt;
import dev.offload.core.run.BatchRecord.BatchOutcome;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportWriterTest {

    private static final String HOSTILE_ID = "tests/t.py::test[\"<i>&amp;</i>' $(rm -rf /) `id`\"]";

    @TempDir
    Path dir;

    @Test
    void hostileIdAndOutputAreEscapedNotMarkup() throws Exception {
        Attempt attempt = new Attempt(
                1,
                0,
                Status.FAILED,
                1,
                Optional.of(new Failure(false, "<T>", "<script>alert(1)</script>", "at x(<init>)")),
                "out \u001b[31mred\u001b[0m & <img src=x>",
                "");
        RunResult result = new RunFixtures()
                .group("g")
                .outcome("g", HOSTILE_ID, Verdict.FAILED, List.of(attempt), "")
                .build();

        String html = write(result);

        assertThat(html).doesNotContain("<script", "<img", "<i>", "<T>").contains("&lt;script&gt;alert(1)");
        Document doc = parse(html);
        assertThat(texts(doc, "//details/summary/span[@class='id']")).containsExactly(HOSTILE_ID);
        assertThat(texts(doc, "//details//pre"))
                .contains("<script>alert(1)</script>", "at x(<init>)", "out [31mred[0m & <img src=x>");
    }

    @Test
    void pageIsSelfContained() throws Exception {
        String html = write(realisticRun());

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<style>", "<svg")
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("http://", "https://", "<link", " src=", "@import", "url(http");
    }

    @Test
    void everyProblemTestHasDetailsWithEveryFailedAttempt() throws Exception {
        Document doc = parse(write(realisticRun()));

        assertThat(texts(doc, "//section/h2"))
                .containsExactly("Failed tests (1)", "Errors (1)", "Not run (1)", "Flaky tests (1)", "Timeline");
        assertThat(texts(doc, "//details/summary/span[@class='id']"))
                .containsExactly("t::broken", "t::crashed", "t::skipped_by_fail_fast", "t::wobbly");
        Element broken = single(doc, "//details[summary/span='t::broken']");
        assertThat(texts(broken, ".//h3")).hasSize(2).allMatch(h -> h.contains("AssertionError"));
        assertThat(texts(broken, ".//pre"))
                .containsExactly(
                        "first boom", "trace of first boom", "printed once", "second boom", "trace of second boom");
        assertThat(single(doc, "//details[summary/span='t::crashed']").getTextContent())
                .contains("Infrastructure error: sandbox died: exit 137");
        assertThat(single(doc, "//details[summary/span='t::skipped_by_fail_fast']")
                        .getTextContent())
                .contains("Not run: cancelled by --fail-fast");
        Element flaky = single(doc, "//details[summary/span='t::wobbly']");
        assertThat(texts(flaky, ".//pre")).contains("flake", "stderr of flake");
        assertThat(flaky.getTextContent()).contains("1 of 2 attempts failed", "Passed on attempt 2.");
        assertThat(doc.getDocumentElement().getTextContent()).doesNotContain("t::fine");
    }

    @Test
    void longOutputIsCutAt64KiBWithANote() throws Exception {
        String out = "x".repeat(70 * 1024);
        RunResult result = new RunFixtures()
                .group("g")
                .outcome("g", "t", Verdict.FAILED, List.of(fail("boom", out)), "")
                .build();

        List<String> pres = texts(parse(write(result)), "//pre");

        String note = "\n[offload: output cut at 64 KiB, " + (6 * 1024) + " more bytes not shown]\n";
        assertThat(pres).anySatisfy(pre -> assertThat(pre).startsWith("xxx").endsWith(note));
        assertThat(pres).allMatch(pre -> pre.length() <= 64 * 1024 + note.length());
    }

    @Test
    void timelineHasOneLanePerSandboxAndOneColouredBarPerBatch() throws Exception {
        Document doc = parse(write(realisticRun()));

        assertThat(texts(doc, "//svg//text[@class='lane-label']")).containsExactly("sandbox 0", "sandbox 1");
        assertThat(fill(doc, "success")).isEqualTo("#2e9e4f");
        assertThat(fill(doc, "failure")).isEqualTo("#d93025");
        assertThat(fill(doc, "error")).isEqualTo("#f08c00");
        assertThat(fill(doc, "cancelled")).isEqualTo("#9aa0a6");
        assertThat(texts(doc, "//svg/g/title"))
                .containsExactly(
                        "batch #0: 3 tests, 4.0s, success, sandbox 0",
                        "batch #1: 2 tests, 6.0s, failure, sandbox 1",
                        "batch #2: 1 test, 3.0s, error, sandbox 0",
                        "batch #3: 1 test, 2.0s, success, sandbox 1, hedge",
                        "batch #4: 1 test, 1.7s, cancelled, sandbox 0");
        assertThat(texts(doc, "//svg//text[@class='tick']"))
                .startsWith("0s", "2s")
                .endsWith("10s");
    }

    @Test
    void hedgeBarIsHatchedWithItsOutcomeColour() throws Exception {
        Document doc = parse(write(realisticRun()));

        Element hedge = single(doc, "//svg/g[@class='batch success hedge']/rect");
        assertThat(hedge.getAttribute("fill")).isEqualTo("url(#hatch-success)");
        Element pattern = single(doc, "//svg/defs/pattern[@id='hatch-success']");
        assertThat(texts(pattern, "rect/@fill")).contains("#2e9e4f");
    }

    @Test
    void laneCountFollowsTheHighestSlotWhenItExceedsTheSandboxCount() throws Exception {
        RunResult result = new RunFixtures()
                .group("g")
                .passed("g", "p")
                .batchAt(0, 3, 1, 0, 1, BatchOutcome.SUCCESS, false)
                .build();

        assertThat(texts(parse(write(result)), "//svg//text[@class='lane-label']"))
                .hasSize(4);
    }

    @Test
    void headerShowsOutcomeCountsWallTimeCostRunIdAndShard() throws Exception {
        RunResult base = realisticRun();
        RunResult result = new RunResult(
                base.runId(),
                base.startedAt(),
                base.finishedAt(),
                base.groups(),
                base.outcomes(),
                base.batches(),
                base.sandboxes(),
                Optional.of("2/3"),
                Optional.of(0.0123),
                311.9,
                Optional.empty(),
                OptionalDouble.empty());

        Element header = single(parse(write(result)), "//header");

        assertThat(texts(header, "h1/span")).containsExactly("fail");
        assertThat(texts(header, "h1")).containsExactly("Offload run 4fQxfail");
        assertThat(header.getTextContent())
                .contains("5Total", "1Passed", "1Failed", "1Not run", "1Errors", "1Flaky")
                .contains("Wall time: 10.0s", "Shard: 2/3", "Estimated cost: $0.0123 (311.9 core-seconds)");
    }

    @Test
    void passingRunShowsNoTestSectionsAndNoCostWhenUnknown() throws Exception {
        RunResult result = new RunFixtures()
                .group("g")
                .passed("g", "a")
                .batch(0, 0, 1, 1, BatchOutcome.SUCCESS)
                .build();

        Document doc = parse(write(result));

        assertThat(texts(doc, "//h1/span")).containsExactly("pass");
        assertThat(texts(doc, "//p[@class='all-passed']")).containsExactly("All tests passed.");
        assertThat(doc.getElementsByTagName("details").getLength()).isZero();
        assertThat(doc.getDocumentElement().getTextContent()).doesNotContain("Estimated cost", "Shard");
    }

    @Test
    void abortedRunShowsItsError() throws Exception {
        RunResult result = new RunFixtures()
                .group("g")
                .aborted("discovery failed: pytest exited 4 <no tests>")
                .build();

        Document doc = parse(write(result));

        assertThat(texts(doc, "//h1/span")).containsExactly("error");
        assertThat(texts(doc, "//div[@class='abort']"))
                .containsExactly("Run failed: discovery failed: pytest exited 4 <no tests>");
        assertThat(texts(doc, "//section[@id='timeline']/p")).containsExactly("No batches ran.");
    }

    @Test
    void writeReplacesTheFileAtomically() throws Exception {
        Path file = dir.resolve("out/report.html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");

        HtmlReportWriter.write(realisticRun(), file);

        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    /** One test of each problem verdict, a passing one, and five batches on two sandboxes over 10 s (#3 hedges #4). */
    static RunResult realisticRun() {
        return new RunFixtures()
                .group("g")
                .passed("g", "t::fine")
                .outcome(
                        "g",
                        "t::broken",
                        Verdict.FAILED,
                        List.of(fail("first boom", "printed once"), fail("second boom", "")),
                        "")
                .outcome("g", "t::crashed", Verdict.ERROR, List.of(), "sandbox died: exit 137")
                .outcome("g", "t::skipped_by_fail_fast", Verdict.NOT_RUN, List.of(), "cancelled by --fail-fast")
                .outcome("g", "t::wobbly", Verdict.FLAKY, List.of(errored("flake"), pass(0.2)), "")
                .batchAt(0, 0, 3, 0, 4, BatchOutcome.SUCCESS, false)
                .batchAt(1, 1, 2, 0.5, 6.5, BatchOutcome.FAILURE, false)
                .batchAt(2, 0, 1, 4.2, 7.2, BatchOutcome.ERROR, false)
                .batchAt(3, 1, 1, 7, 9, BatchOutcome.SUCCESS, true)
                .batchAt(4, 0, 1, 7.3, 9, BatchOutcome.CANCELLED, false)
                .wall(10)
                .build();
    }

    private String write(RunResult result) throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReportWriter.write(result, file);
        return Files.readString(file);
    }

    /** The page is polyglot markup, so a strict XML parser reads it and gives back the unescaped text. */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static String fill(Document doc, String outcome) throws Exception {
        return single(doc, "//svg/g[@class='batch " + outcome + "']/rect").getAttribute("fill");
    }

    private static Element single(Object node, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, node, XPathConstants.NODESET);
        assertThat(nodes.getLength()).as(xpath).isGreaterThanOrEqualTo(1);
        return (Element) nodes.item(0);
    }

    private static List<String> texts(Object node, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, node, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
