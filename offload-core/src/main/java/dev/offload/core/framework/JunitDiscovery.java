package dev.offload.core.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.config.FrameworkConfig.Junit.Granularity;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In-process junit discovery (SPEC §7.3): the runner's {@code Discovery} is loaded in an isolated class loader over the
 * project's class path, so the project's own JUnit version discovers its tests, and its JSON is turned into tests with
 * their scheduling units.
 */
final class JunitDiscovery {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the runner's JSON. */
    record Node(String uid, String parent, String kind, String className, String source) {
        boolean isTest() {
            return kind.equals("TEST") || kind.equals("CONTAINER_AND_TEST");
        }
    }

    private JunitDiscovery() {}

    /** Runs {@code Discovery.discover(args)} with {@code classpath} and returns its output. */
    static String run(String group, List<Path> classpath, List<String> args) throws DiscoveryException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader("offload-junit-discovery", urls(classpath), ClassLoader.getPlatformClassLoader())) {
            // The Platform finds engines and test classes through the context class loader.
            thread.setContextClassLoader(loader);
            Class<?> discovery = Class.forName(JunitClasspath.DISCOVERY_CLASS, true, loader);
            return (String)
                    discovery.getMethod("discover", String[].class).invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw new DiscoveryException("invalid filters for group '" + group + "': " + cause.getMessage());
            }
            throw new DiscoveryException(
                    "discovery failed for group '" + group + "': " + cause + hint(cause) + "\nclass path: "
                            + JunitClasspath.join(classpath),
                    cause);
        } catch (ReflectiveOperationException | LinkageError | IOException e) {
            throw new DiscoveryException(
                    "discovery failed for group '" + group + "': " + e + hint(e) + "\nclass path: "
                            + JunitClasspath.join(classpath),
                    e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The tests among the plan's nodes: test descriptors, and templates/factories as one test each. */
    static List<DiscoveredTest> tests(String json, String group, Granularity granularity) throws DiscoveryException {
        List<Node> nodes = parse(json);
        Map<String, Node> byId = new HashMap<>();
        Map<String, Integer> children = new HashMap<>();
        for (Node node : nodes) {
            byId.put(node.uid(), node);
            if (node.parent() != null) {
                children.merge(node.parent(), 1, Integer::sum);
            }
        }
        List<DiscoveredTest> tests = new ArrayList<>();
        for (Node node : nodes) {
            boolean template = node.kind().equals("CONTAINER")
                    && node.source() != null
                    && node.source().startsWith("method:")
                    && !children.containsKey(node.uid());
            if (node.isTest() || template) {
                String unit = granularity == Granularity.METHOD ? node.uid() : topLevel(node, byId);
                String className = node.className() == null ? "" : node.className();
                tests.add(new DiscoveredTest(node.uid(), group, className, unit));
            }
        }
        return tests;
    }

    /** The ancestor right below the engine: the top-level class for Jupiter, nested classes included. */
    private static String topLevel(Node node, Map<String, Node> byId) {
        Node at = node;
        while (at.parent() != null) {
            Node parent = byId.get(at.parent());
            if (parent == null || parent.parent() == null) {
                return at.uid();
            }
            at = parent;
        }
        return at.uid();
    }

    private static List<Node> parse(String json) throws DiscoveryException {
        List<Node> nodes = new ArrayList<>();
        for (String line : json.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                nodes.add(new Node(
                        n.path("uid").asText(),
                        text(n, "parent"),
                        n.path("kind").asText("TEST"),
                        text(n, "class"),
                        text(n, "source")));
            } catch (IOException e) {
                throw new DiscoveryException("unreadable junit discovery output: " + line);
            }
        }
        return nodes;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String hint(Throwable e) {
        String text = String.valueOf(e);
        if (text.contains("org/junit/platform") || text.contains("org.junit.platform")) {
            return "\nhint: the project's JUnit Platform jars do not fit together; add"
                    + " org.junit.platform:junit-platform-launcher in the version of your junit-platform-engine to the"
                    + " test dependencies";
        }
        return "";
    }

    private static URL[] urls(List<Path> classpath) throws MalformedURLException {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classpath.get(i).toUri().toURL();
        }
        return urls;
    }
}
