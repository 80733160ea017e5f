package dev.offload.junit.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Runs {@link Discovery} and {@link BatchRunner} over the compiled fixtures in fresh JVMs, as a sandbox would. */
final class RunnerFixtures {
    static final String JUPITER = "[engine:junit-jupiter]";

    final Path dir;
    final JunitLine line;
    final Path classes;

    RunnerFixtures(Path dir, JunitLine line) throws IOException {
        this.dir = dir;
        this.line = line;
        this.classes = FixtureProject.compile(dir, line);
    }

    List<Path> classpath() throws IOException {
        List<Path> cp = new ArrayList<>(line.jars());
        cp.add(classes);
        cp.add(JunitLine.runnerClasses());
        return cp;
    }

    FixtureProject.Jvm discover(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--scan-classpath", classes.toString()));
        all.addAll(List.of(args));
        return FixtureProject.java(classpath(), Discovery.class.getName(), all, dir);
    }

    FixtureProject.Jvm run(List<String> ids, String... extra) throws Exception {
        Path idsFile = dir.resolve("ids.txt");
        Files.write(idsFile, ids);
        List<String> args = new ArrayList<>(List.of("--result", result().toString(), "--event-token", "tok3n"));
        args.addAll(List.of(extra));
        args.addAll(List.of("--ids", idsFile.toString()));
        return FixtureProject.java(classpath(), BatchRunner.class.getName(), args, dir);
    }

    Path result() {
        return dir.resolve("out/batch-0.xml");
    }

    static String method(String className, String method) {
        return JUPITER + "/[class:com.acme." + className + "]/[method:" + method + "]";
    }

    /** The result file's testcases by name: {@code classname|outcome|system-out|system-err}. */
    Map<String, String[]> testcases() throws Exception {
        Element root = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(result().toFile())
                .getDocumentElement();
        Map<String, String[]> cases = new LinkedHashMap<>();
        NodeList list = root.getElementsByTagName("testcase");
        for (int i = 0; i < list.getLength(); i++) {
            Element tc = (Element) list.item(i);
            String outcome = "passed";
            for (String kind : List.of("failure", "error", "skipped")) {
                NodeList found = tc.getElementsByTagName(kind);
                if (found.getLength() > 0) {
                    Element e = (Element) found.item(0);
                    outcome = kind + ":" + e.getAttribute("type") + ":" + e.getAttribute("message");
                }
            }
            cases.put(tc.getAttribute("name"), new String[] {
                tc.getAttribute("classname"), outcome, text(tc, "system-out"), text(tc, "system-err")
            });
        }
        return cases;
    }

    private static String text(Element tc, String name) {
        NodeList found = tc.getElementsByTagName(name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent();
    }
}
