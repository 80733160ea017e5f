package dev.offload.core.image;

import dev.offload.core.config.ProviderConfig;
import dev.offload.core.config.ProviderConfig.CopyDir;
import java.util.List;
import java.util.Optional;

/** What the provider table says goes into an image: its Dockerfile (absolute) and copy dirs. */
record ImageSource(Optional<String> dockerfile, List<CopyDir> copyDirs) {

    static ImageSource of(ProviderConfig provider) {
        if (provider instanceof ProviderConfig.Docker d) {
            return new ImageSource(d.dockerfile(), d.copyDirs());
        }
        if (provider instanceof ProviderConfig.Modal m) {
            return new ImageSource(m.dockerfile(), m.copyDirs());
        }
        if (provider instanceof ProviderConfig.Default d) {
            return new ImageSource(Optional.empty(), d.copyDirs());
        }
        return new ImageSource(Optional.empty(), List.of());
    }
}
