package dev.offload.core.provider;

import dev.offload.core.config.ProviderConfig;
import dev.offload.core.scripts.BundledScripts;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Extracts the bundled scripts the {@code default} provider's templates refer to (SPEC §4.4). The config loader has
 * already replaced each {@code @name.ext} with the quoted extraction path; the files are written here, at run start,
 * because the output directory's {@code .offload/} is cleaned before each run.
 */
final class TemplateScripts {
    private TemplateScripts() {}

    static void extractReferenced(ProviderConfig.Default provider, Path outputDir) throws ProviderException {
        String templates = String.join(
                "\n",
                Stream.of(
                                provider.prepareCommand().orElse(""),
                                provider.createCommand(),
                                provider.execCommand(),
                                provider.destroyCommand(),
                                provider.downloadCommand().orElse(""))
                        .toList());
        for (String name : BundledScripts.NAMES) {
            String path = BundledScripts.extractedPath(name, outputDir).toString();
            if (templates.contains(Shell.quote(path))) {
                extract(name, outputDir);
            }
        }
    }

    static Path extract(String name, Path outputDir) throws ProviderException {
        try {
            return BundledScripts.extract(name, outputDir)
                    .orElseThrow(() -> new ProviderException("bundled script " + name + " is missing from this build"));
        } catch (java.io.UncheckedIOException e) {
            throw new ProviderException(e.getMessage() + ": " + e.getCause().getMessage(), e);
        }
    }
}
