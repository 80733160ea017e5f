package dev.offload.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.framework.EventToken;
import java.util.function.Consumer;

/**
 * Recognises the {@code ##offload:<token>## {json}} lines of one batch (SPEC §7.1) and reports each test's {@code end}
 * event, which hedging uses for the batch's remaining time (§9.6). Event lines are kept out of the batch log; a line
 * with the prefix but unreadable JSON is still an event line (a test cannot forge the random token).
 */
final class StreamedEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final Consumer<String> ended;

    StreamedEvents(String token, Consumer<String> ended) {
        this.prefix = EventToken.linePrefix(token);
        this.ended = ended;
    }

    /** Returns true when {@code line} is an event line (and so does not belong in the log). */
    boolean accept(String line) {
        if (!line.startsWith(prefix)) {
            return false;
        }
        try {
            JsonNode event = JSON.readTree(line.substring(prefix.length()));
            JsonNode id = event.get("id");
            if ("end".equals(event.path("ev").asText()) && id != null && id.isTextual()) {
                ended.accept(id.asText());
            }
        } catch (Exception e) {
            // A cut or garbled event changes nothing: the result file stays the source of the results.
        }
        return true;
    }
}
