package dev.offload.core.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Removes containers left by earlier runs whose owner process no longer exists on this machine (SPEC §8.8): a run
 * killed with SIGKILL cannot clean up after itself. Containers of live runs and of other machines are never touched.
 */
final class ContainerReaper {
    private final DockerClient client;
    private final Consumer<String> warnings;

    ContainerReaper(DockerClient client, Consumer<String> warnings) {
        this.client = client;
        this.warnings = warnings;
    }

    /** Returns the number of containers removed. */
    int reapDeadRuns() {
        List<Container> labelled;
        try {
            labelled = client.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(List.of(DockerProvider.OWNER_LABEL))
                    .exec();
        } catch (RuntimeException e) {
            warnings.accept("could not list containers of earlier runs: " + e.getMessage());
            return 0;
        }
        int removed = 0;
        for (Container container : labelled) {
            Optional<Owner> owner = Optional.ofNullable(container.getLabels())
                    .map(labels -> labels.get(DockerProvider.OWNER_LABEL))
                    .flatMap(Owner::parse);
            if (owner.isPresent() && owner.get().isDeadLocalProcess()) {
                try {
                    client.removeContainerCmd(container.getId()).withForce(true).exec();
                    removed++;
                } catch (NotFoundException e) {
                    // removed meanwhile
                } catch (RuntimeException e) {
                    warnings.accept(
                            "could not remove container " + container.getId() + " of a dead run: " + e.getMessage());
                }
            }
        }
        if (removed > 0) {
            warnings.accept("removed " + removed + " container(s) left by earlier runs whose process is gone");
        }
        return removed;
    }
}
