package dev.offload.core.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.offload.core.git.Git;
import dev.offload.core.git.GitException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Image ids cached in git notes under {@code refs/notes/offload-images} (SPEC §13.2), interchangeable with the
 * original: the note on a commit is {@code {"<config key>": {"image_id": "<id>"}}}, the config key being the config
 * path relative to the repository root. Fetch and push are best effort; the last writer wins.
 */
public final class ImageCache {
    public static final String NOTES_REF = "refs/notes/offload-images";
    private static final String REFSPEC = "+" + NOTES_REF + ":" + NOTES_REF;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Git git;
    private final String configKey;
    private final String remote;
    private final Consumer<String> warnings;

    public ImageCache(Git git, String configKey, String remote, Consumer<String> warnings) {
        this.git = git;
        this.configKey = configKey;
        this.remote = remote;
        this.warnings = warnings;
    }

    /**
     * Fetches the notes from the remote (forced: writers force-push) and adds the refspec to {@code
     * remote.<name>.fetch} once. A missing remote or ref is fine; other failures are warnings.
     */
    public void fetch() throws GitException {
        if (!hasRemote()) {
            return;
        }
        String key = "remote." + remote + ".fetch";
        Git.Result specs = git.run(null, "config", "--get-all", key);
        if (!specs.stdout().lines().map(String::trim).toList().contains(REFSPEC)) {
            git.run(null, "config", "--add", key, REFSPEC);
        }
        Git.Result fetched = git.run(null, "fetch", "-q", remote, REFSPEC);
        if (!fetched.ok() && !fetched.stderr().contains("couldn't find remote ref")) {
            warnings.accept("could not fetch " + NOTES_REF + " from " + remote + ": " + firstLine(fetched.stderr()));
        }
    }

    /** The cached image id of {@code commit} for this config, if any. */
    public Optional<String> lookup(String commit) throws GitException {
        return note(commit)
                .map(note -> note.path(configKey).path("image_id"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .filter(id -> !id.isBlank());
    }

    /** Records {@code imageId} for {@code commit}, keeping other config keys, then pushes (best effort). */
    public void write(String commit, String imageId) throws GitException {
        ObjectNode note =
                note(commit).filter(JsonNode::isObject).map(n -> (ObjectNode) n).orElseGet(JSON::createObjectNode);
        note.putObject(configKey).put("image_id", imageId);
        String text;
        try {
            text = JSON.writeValueAsString(note) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Git.Result added = git.run(
                text.getBytes(StandardCharsets.UTF_8), "notes", "--ref=" + NOTES_REF, "add", "-f", "-F", "-", commit);
        if (!added.ok()) {
            throw new GitException("git notes add failed: " + firstLine(added.stderr()));
        }
        if (hasRemote()) {
            Git.Result pushed = git.run(null, "push", "-q", remote, NOTES_REF, "--force");
            if (!pushed.ok()) {
                warnings.accept("could not push " + NOTES_REF + " to " + remote + ": " + firstLine(pushed.stderr()));
            }
        }
    }

    private Optional<JsonNode> note(String commit) throws GitException {
        Git.Result shown = git.run(null, "notes", "--ref=" + NOTES_REF, "show", commit);
        if (!shown.ok()) {
            return Optional.empty(); // no note on this commit
        }
        try {
            return Optional.of(JSON.readTree(shown.stdout()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            warnings.accept("ignoring an unreadable image-cache note on " + commit + ": " + e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private boolean hasRemote() throws GitException {
        return git.run(null, "remote", "get-url", remote).ok();
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("(no message)");
    }
}
