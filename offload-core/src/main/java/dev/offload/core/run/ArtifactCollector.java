package dev.offload.core.run;

import dev.offload.core.provider.BatchScript;
import dev.offload.core.provider.OutputListener;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.SafeArchive;
import dev.offload.core.provider.Sandbox;
import dev.offload.core.provider.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Collects a batch's artifacts (SPEC §11.8): the files matching {@code download_globs} that the batch created or
 * changed (newer than its start marker) are packed in the sandbox, downloaded as one archive and extracted here into
 * {@code artifacts/batch-<N>/}. Every failure is a warning; artifacts never change a result.
 */
final class ArtifactCollector {
    private final RunSettings settings;
    private final Consumer<String> warnings;

    ArtifactCollector(RunSettings settings, Consumer<String> warnings) {
        this.settings = settings;
        this.warnings = warnings;
    }

    void collect(int batch, Sandbox sandbox, boolean failing) throws InterruptedException {
        if (settings.downloadGlobs().isEmpty() || (settings.downloadGlobsFailureOnly() && !failing)) {
            return;
        }
        String remote = sandbox.runTempDir() + "/artifacts-" + batch + ".tar.gz";
        Path local = settings.outputDir().resolve(".offload").resolve("artifacts-" + batch + ".tar.gz");
        try {
            pack(batch, sandbox, remote);
            Files.createDirectories(local.getParent());
            ProviderRetry.call(
                    "download of artifacts of batch " + batch,
                    () -> {
                        sandbox.download(List.of(new Sandbox.Transfer(remote, local)));
                        return null;
                    },
                    warnings);
            Path target = settings.artifactsDir().resolve("batch-" + batch);
            SafeArchive.extractTarGz(
                    local, target, line -> warnings.accept("artifacts of batch " + batch + ": " + line));
        } catch (ProviderException | IOException e) {
            warnings.accept("could not collect artifacts of batch " + batch + ": " + e.getMessage());
        } finally {
            deleteQuietly(local);
        }
    }

    private void pack(int batch, Sandbox sandbox, String archive) throws ProviderException, InterruptedException {
        var stderr = new StringBuilder();
        OutputListener output = new OutputListener() {
            @Override
            public void stdout(String line) {}

            @Override
            public void stderr(String line) {
                synchronized (stderr) {
                    stderr.append(line).append('\n');
                }
            }
        };
        var request = new Sandbox.ExecRequest(
                script(batch, sandbox, archive), sandbox.projectRoot(), Map.of(), settings.batchTimeout());
        Sandbox.ExecResult result = sandbox.exec(request, output);
        if (result.exitCode() != 0 || result.timedOut() || result.stopped()) {
            throw new ProviderException("packing in sandbox " + sandbox.id() + " failed (exit " + result.exitCode()
                    + "): " + stderr.toString().strip());
        }
    }

    /** {@code find . -type f -newer <marker> \( -path g1 -o … \) -print0 | tar czf <archive> --null -T -}. */
    String script(int batch, Sandbox sandbox, String archive) {
        String paths = settings.downloadGlobs().stream()
                .map(glob -> "-path " + Shell.quote(glob.startsWith("./") ? glob : "./" + glob))
                .collect(Collectors.joining(" -o "));
        String marker = BatchScript.startMarker(sandbox.runTempDir(), batch);
        return "find . -type f -newer " + Shell.quote(marker) + " \\( " + paths + " \\) -print0 | tar czf "
                + Shell.quote(archive) + " --null -T -";
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover archive under .offload/ is cleaned at the next run.
        }
    }
}
