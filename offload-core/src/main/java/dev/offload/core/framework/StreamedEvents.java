package dev.offload.core.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Reads the event lines runners print on stdout (SPEC §7.1): {@code ##offload:<token>## {"ev":"start"|"dyn"|"end",
 * "id":…, "parent":…, "class":…, "status":"passed"|"failed"|"aborted"|"skipped", "ms":…,
 * "err":{"type","message","trace","kind"}, "reason":…, "stdout":…, "stderr":…}} (the test's own output, optional). The token is random per run, so a test that prints something
 * looking like an event with another token is just output.
 */
public final class StreamedEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;

    public StreamedEvents(String token) {
        this.prefix = "##offload:" + token + "## ";
    }

    /** A new random token: 16 characters from {@code [0-9a-z]}. */
    public static String newToken() {
        StringBuilder token = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    /** Whether the line is an event line of this run (to keep it out of the batch log), even a malformed one. */
    public boolean isEvent(String line) {
        return line.startsWith(prefix);
    }

    /** The event on this line; empty for other lines and for event lines that cannot be read. */
    public Optional<StreamedEvent> parse(String line) {
        if (!isEvent(line)) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(line.substring(prefix.length()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        String id = text(node, "id");
        if (id == null) {
            return Optional.empty();
        }
        return switch (String.valueOf(text(node, "ev"))) {
            case "start" ->
                Optional.of(new StreamedEvent(StreamedEvent.Kind.START, id, Optional.empty(), Optional.empty()));
            case "dyn" ->
                Optional.of(new StreamedEvent(
                        StreamedEvent.Kind.DYN, id, Optional.ofNullable(text(node, "parent")), Optional.empty()));
            case "end" ->
                result(node, id)
                        .map(r -> new StreamedEvent(StreamedEvent.Kind.END, id, Optional.empty(), Optional.of(r)));
            default -> Optional.empty();
        };
    }

    private static Optional<TestCaseResult> result(JsonNode node, String id) {
        TestCaseResult.Status status;
        switch (String.valueOf(text(node, "status"))) {
            case "passed" -> status = TestCaseResult.Status.PASSED;
            case "failed" -> status = TestCaseResult.Status.FAILED;
            case "skipped", "aborted" -> status = TestCaseResult.Status.SKIPPED;
            default -> {
                return Optional.empty();
            }
        }
        Optional<TestCaseResult.Failure> failure = Optional.empty();
        if (status == TestCaseResult.Status.FAILED) {
            JsonNode err = node.path("err");
            String message =
                    String.valueOf(Optional.ofNullable(text(err, "message")).orElse(""));
            failure = Optional.of(new TestCaseResult.Failure(
                    "error".equals(text(err, "kind")),
                    Optional.ofNullable(text(err, "type")).orElse(""),
                    message,
                    Optional.ofNullable(text(err, "trace")).orElse(message)));
        } else if (status == TestCaseResult.Status.SKIPPED && text(node, "reason") != null) {
            // As in a result file's <skipped message="…">: the reason travels as the attempt's message.
            String reason = text(node, "reason");
            failure = Optional.of(new TestCaseResult.Failure(false, "skipped", reason, ""));
        }
        String classname = Optional.ofNullable(text(node, "class")).orElse("");
        double secs = node.path("ms").asDouble(0) / 1000.0;
        String out = Optional.ofNullable(text(node, "stdout")).orElse("");
        String err = Optional.ofNullable(text(node, "stderr")).orElse("");
        return Optional.of(new TestCaseResult(id, classname, secs, status, failure, out, err));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
