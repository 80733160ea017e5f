package dev.offload.core.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One line of the history file (SPEC §12.1) in both directions. Writing is byte-for-byte the original's form: compact,
 * keys in a fixed order, durations with at most 6 decimals and at least one. Reading accepts any JSON number.
 */
final class HistoryLine {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private HistoryLine() {}

    /** A line that is not a valid record; the message is the reason shown in the warning (SPEC §12.2). */
    static final class InvalidLineException extends Exception {
        InvalidLineException(String reason) {
            super(reason);
        }
    }

    static Map.Entry<HistoryKey, HistoryRecord> parse(String line) throws InvalidLineException {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new InvalidLineException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidLineException("not a JSON object");
        }
        JsonNode k = root.get("k");
        if (k == null
                || !k.isArray()
                || k.size() != 2
                || !k.get(0).isTextual()
                || !k.get(1).isTextual()) {
            throw new InvalidLineException("\"k\" must be [config, test id]");
        }
        JsonNode v = root.get("v");
        if (v == null || !v.isObject()) {
            throw new InvalidLineException("\"v\" must be an object");
        }
        long n = count(v, "n");
        long f = count(v, "f");
        JsonNode lastRun = v.get("last_run");
        if (lastRun != null && !lastRun.isTextual() && !lastRun.isNull()) {
            throw new InvalidLineException("\"last_run\" must be a string");
        }
        var record = new HistoryRecord(
                n,
                f,
                lastRun == null || lastRun.isNull() ? "" : lastRun.asText(),
                samples(v, "ok"),
                samples(v, "fail"));
        return Map.entry(new HistoryKey(k.get(0).asText(), k.get(1).asText()), record);
    }

    private static long count(JsonNode v, String field) throws InvalidLineException {
        JsonNode node = v.get(field);
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
            throw new InvalidLineException("\"" + field + "\" must be a non-negative integer");
        }
        return node.asLong();
    }

    private static List<Sample> samples(JsonNode v, String field) throws InvalidLineException {
        JsonNode array = v.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new InvalidLineException("\"" + field + "\" must be an array");
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode s : array) {
            if (!s.isArray()
                    || s.size() != 3
                    || !s.get(0).isTextual()
                    || !s.get(1).isIntegralNumber()
                    || !s.get(2).isNumber()
                    || !Double.isFinite(s.get(2).asDouble())) {
                throw new InvalidLineException("\"" + field + "\" entries must be [run id, timestamp ms, secs]");
            }
            samples.add(
                    new Sample(s.get(0).asText(), s.get(1).asLong(), s.get(2).asDouble()));
        }
        return samples;
    }

    /** The line without its trailing newline. */
    static String format(HistoryKey key, HistoryRecord record) {
        var text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeArrayFieldStart("k");
            json.writeString(key.config());
            json.writeString(key.testId());
            json.writeEndArray();
            json.writeObjectFieldStart("v");
            json.writeNumberField("n", record.attempts());
            json.writeNumberField("f", record.failures());
            json.writeStringField("last_run", record.lastRun());
            writeSamples(json, "ok", record.ok());
            writeSamples(json, "fail", record.fail());
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeSamples(JsonGenerator json, String field, List<Sample> samples) throws IOException {
        json.writeArrayFieldStart(field);
        for (Sample s : samples) {
            json.writeStartArray();
            json.writeString(s.runId());
            json.writeNumber(s.timestampMs());
            json.writeNumber(seconds(s.secs()));
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    /** At most 6 decimals, no exponent, at least one decimal digit: {@code 1.0}, {@code 0.0002}. */
    static String seconds(double secs) {
        String plain = BigDecimal.valueOf(secs)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
