package dev.offload.core.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.config.ShellWords;
import dev.offload.core.provider.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * vitest (SPEC §7.2): discovery with {@code vitest list}, batches selecting their tests by file and an anchored name
 * pattern, results from vitest's JSON report.
 *
 * <p>Tests of one file that share a full name (loops, {@code test.each} over objects) cannot be selected apart: the
 * name pattern runs them all. They get the ids {@code <file> > <name>}, {@code <file> > <name> [#2]}, … in list order
 * and form one scheduling unit; the report's results of that name are assigned to them in order (SPEC §7.2).
 */
public final class VitestFramework implements Framework {
    private static final String REPORTER_END = "OFFLOAD_VITEST_REPORTER_EOF";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FrameworkConfig.Vitest config;
    private final List<String> command;
    private final List<String> runArgs;

    /**
     * @throws IllegalArgumentException when {@code command} or {@code run_args} has an unclosed quote or the command
     *     is empty
     */
    public VitestFramework(FrameworkConfig.Vitest config) {
        this.config = config;
        this.command = split("framework.command", config.command());
        this.runArgs =
                config.runArgs().map(args -> split("framework.run_args", args)).orElse(List.of());
        if (command.isEmpty()) {
            throw new IllegalArgumentException("framework.command is empty: set it to e.g. \"npx vitest\"");
        }
    }

    @Override
    public List<DiscoveredTest> discover(DiscoveryRequest request) throws DiscoveryException, InterruptedException {
        Path listFile = listFile(request);
        DiscoveryProcess process = new DiscoveryProcess(request, discoveryArgv(request, listFile));
        DiscoveryProcess.Output output = process.run(request.directory(), Map.of());
        if (output.exitStatus() != 0) {
            throw process.failure(output);
        }
        String json = readListing(listFile, output, request.group());
        return tests(parseListing(json, request.group()), request);
    }

    /**
     * {@code <command> list --json=<file> <filters…>}. SPEC §7.2 writes {@code list --json <filters…>}, but vitest's
     * {@code --json} takes an optional value, so a bare {@code --json} followed by a filter would treat the filter as
     * the output file. An explicit file also keeps console noise out of the listing.
     */
    List<String> discoveryArgv(DiscoveryRequest request, Path listFile) throws DiscoveryException {
        List<String> argv = new ArrayList<>(command);
        argv.add("list");
        argv.add("--json=" + listFile.toAbsolutePath());
        try {
            argv.addAll(ShellWords.split(request.filters()));
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException("invalid filters for group '" + request.group() + "': " + e.getMessage());
        }
        return argv;
    }

    @Override
    public BatchCommand batchCommand(BatchRequest request) {
        String result = request.resultDir() + "/batch-" + request.number() + ".json";
        Set<String> files = new LinkedHashSet<>();
        // A file starting with '-' would be read as an option: "./" keeps it a path filter.
        request.ids().forEach(id -> files.add(asPathFilter(VitestNamePattern.fileOf(id))));
        List<String> argv = new ArrayList<>(command);
        argv.add("run");
        if (request.failFast()) {
            argv.add("--bail=1");
        }
        argv.addAll(files);
        argv.add("--testNamePattern");
        argv.add(VitestNamePattern.of(request.ids())); // starts with '^': never read as an option
        argv.addAll(List.of("--reporter=verbose", "--reporter=json", "--outputFile.json=" + result));
        // The event reporter (SPEC §7.1) prints start/end lines when OFFLOAD_EVENT_TOKEN is set.
        String reporterDir = request.resultDir() + "/vitest";
        argv.add("--reporter=" + reporterDir + "/" + VitestEventReporter.FILE_NAME);
        argv.addAll(runArgs);
        String script = SandboxFileWriter.write(
                        reporterDir, VitestEventReporter.FILE_NAME, VitestEventReporter.source(), REPORTER_END)
                + Shell.join(argv) + "\n";
        return new BatchCommand(script, Map.of(), Optional.empty(), Optional.of(result));
    }

    private static String asPathFilter(String file) {
        return file.startsWith("-") ? "./" + file : file;
    }

    @Override
    public List<TestCaseResult> readResults(Path localResultFile, BatchRequest request) throws ResultFileException {
        return VitestJsonReport.read(localResultFile, request.ids());
    }

    /**
     * A skipped test of a batch file that vitest did not list joins the group of a batch test of the same file. Other
     * files that ran only because their path contains a batch file's may lie outside every group: not reported.
     */
    @Override
    public Optional<String> unlistedSkipAnchor(String resultId, List<String> batchIds) {
        String file = VitestNamePattern.fileOf(resultId);
        return batchIds.stream()
                .filter(id -> VitestNamePattern.fileOf(id).equals(file))
                .findFirst();
    }

    @Override
    public String testIdFormat() {
        return config.testIdFormat();
    }

    /**
     * Ids {@code <file relative to the discovery directory> > <name>}, the k-th listing of a repeated file and name
     * suffixed {@code [#k]}; all listings of one file and name form one unit.
     */
    static List<DiscoveredTest> tests(JsonNode listing, DiscoveryRequest request) throws DiscoveryException {
        List<String[]> entries = new ArrayList<>();
        Map<String, Integer> listings = new LinkedHashMap<>();
        for (JsonNode entry : listing) {
            String file = relativeFile(entry.path("file").asText(), request.directory());
            String base =
                    file + VitestNamePattern.SEPARATOR + entry.path("name").asText();
            entries.add(new String[] {file, base});
            listings.merge(base, 1, Integer::sum);
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<String, DiscoveredTest> byId = new LinkedHashMap<>();
        for (String[] entry : entries) {
            String base = entry[1];
            String id = VitestNamePattern.repeated(base, seen.merge(base, 1, Integer::sum));
            String unit = listings.get(base) > 1 ? base : id;
            if (byId.putIfAbsent(id, new DiscoveredTest(id, request.group(), entry[0], unit)) != null) {
                // Only a title that itself ends in " [#k]" next to k-1 repeats of its stem can collide.
                throw new DiscoveryException("discovery failed for group '" + request.group() + "': two tests of "
                        + entry[0] + " would both get the id '" + id + "'; rename one of them");
            }
        }
        return List.copyOf(byId.values());
    }

    static String relativeFile(String file, Path directory) {
        Path path = Path.of(file).normalize();
        for (Path dir : directoryForms(directory)) {
            if (path.startsWith(dir)) {
                return dir.relativize(path).toString().replace('\\', '/');
            }
        }
        return file;
    }

    /** The directory as given and its real path: vitest reports resolved paths. */
    private static List<Path> directoryForms(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Path real = absolute.toRealPath();
            return real.equals(absolute) ? List.of(absolute) : List.of(absolute, real);
        } catch (IOException e) {
            return List.of(absolute);
        }
    }

    private static Path listFile(DiscoveryRequest request) throws DiscoveryException {
        try {
            Files.createDirectories(request.tempDir());
            // One file per discovery: groups are discovered concurrently.
            Path file = Files.createTempFile(request.tempDir(), "vitest-list-", ".json");
            Files.delete(file);
            return file;
        } catch (IOException e) {
            throw new DiscoveryException("discovery failed for group '" + request.group()
                    + "': cannot create a file in " + request.tempDir() + ": " + e.getMessage());
        }
    }

    /** The listing file, or stdout when a vitest version printed the listing instead of writing the file. */
    private static String readListing(Path listFile, DiscoveryProcess.Output output, String group)
            throws DiscoveryException {
        if (!Files.exists(listFile)) {
            return output.stdout();
        }
        try {
            return Files.readString(listFile);
        } catch (IOException e) {
            throw new DiscoveryException(
                    "discovery failed for group '" + group + "': cannot read " + listFile + ": " + e.getMessage());
        }
    }

    static JsonNode parseListing(String json, String group) throws DiscoveryException {
        try {
            JsonNode listing = JSON.readTree(json);
            if (listing != null && listing.isArray()) {
                return listing;
            }
        } catch (JsonProcessingException e) {
            // reported below with the output itself
        }
        String text = json.strip();
        throw new DiscoveryException("discovery failed for group '" + group + "': vitest list did not print a JSON"
                + " array: " + (text.length() > 500 ? text.substring(0, 500) + "... (truncated)" : text));
    }

    private static List<String> split(String key, String value) {
        try {
            return ShellWords.split(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
