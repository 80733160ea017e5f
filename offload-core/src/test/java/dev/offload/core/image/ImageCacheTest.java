package dev.offload.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.git.Git;
import dev.offload.core.git.GitRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git-notes image cache of SPEC §13.2 against real repositories and a real (file) remote. */
class ImageCacheTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void writeKeepsOtherConfigKeysAndTheNoteHasTheOriginalsFormat() throws Exception {
        GitRepo repo = GitRepo.init(dir.resolve("repo"));
        repo.write("a.txt", "a\n");
        String head = repo.commitAll("base");
        var other = new ImageCache(repo.git(), "services/api/offload.toml", "origin", warnings::add);
        var mine = new ImageCache(repo.git(), "offload.toml", "origin", warnings::add);

        other.write(head, "sha256:other");
        mine.write(head, "sha256:mine");

        assertThat(mine.lookup(head)).contains("sha256:mine");
        assertThat(other.lookup(head)).contains("sha256:other");
        assertThat(repo.git("notes", "--ref=" + ImageCache.NOTES_REF, "show", head))
                .contains("\"offload.toml\" : {", "\"image_id\" : \"sha256:mine\"", "\"services/api/offload.toml\"");
        assertThat(warnings).isEmpty();
    }

    @Test
    void notesTravelThroughTheRemoteToAnotherClone() throws Exception {
        Path remote = dir.resolve("remote.git");
        new Git(dir).output("init", "-q", "--bare", remote.toString());
        GitRepo writer = GitRepo.init(dir.resolve("writer"));
        writer.write("a.txt", "a\n");
        String head = writer.commitAll("base");
        writer.git("remote", "add", "origin", remote.toString());
        writer.git("push", "-q", "origin", "main");
        new ImageCache(writer.git(), "offload.toml", "origin", warnings::add).write(head, "sha256:shared");

        new Git(dir)
                .output("clone", "-q", remote.toString(), dir.resolve("reader").toString());
        Git reader = new Git(dir.resolve("reader"));
        var cache = new ImageCache(reader, "offload.toml", "origin", warnings::add);
        assertThat(cache.lookup(head)).isEmpty();
        cache.fetch();

        assertThat(cache.lookup(head)).contains("sha256:shared");
        assertThat(reader.output("config", "--get-all", "remote.origin.fetch"))
                .contains("+refs/notes/offload-images:refs/notes/offload-images");
        cache.fetch(); // the refspec is added once
        assertThat(reader.output("config", "--get-all", "remote.origin.fetch").lines())
                .filteredOn(l -> l.contains("offload-images"))
                .hasSize(1);
        assertThat(warnings).isEmpty();
    }
}
