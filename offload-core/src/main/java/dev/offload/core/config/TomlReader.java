package dev.offload.core.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** Steps 1 and 2 of SPEC §4.2: reads the file as UTF-8 and parses it into a {@link Node} tree with positions. */
final class TomlReader {
    private TomlReader() {}

    static Node read(ConfigFile file) throws ConfigException {
        return toTree(parse(file, readText(file)));
    }

    private static String readText(ConfigFile file) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file not found: " + file.path());
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file.path() + ": " + e.getMessage(), e);
        }
        return decodeUtf8(file, bytes);
    }

    /** The text, or an error at the line and column of the first byte that is not UTF-8 (a user can find it). */
    private static String decodeUtf8(ConfigFile file, byte[] bytes) throws ConfigException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        if (!result.isError()) {
            return out.flip().toString();
        }
        int bad = in.position();
        out.flip();
        String before = out.toString();
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        throw new ConfigException(file.shownName() + ":" + line + ":" + column + ": not valid UTF-8 text (byte 0x"
                + String.format("%02X", bytes[bad] & 0xFF) + "); save the file as UTF-8");
    }

    private static TomlParseResult parse(ConfigFile file, String text) throws ConfigException {
        TomlParseResult result = Toml.parse(text);
        if (result.hasErrors()) {
            TomlParseError first = result.errors().get(0);
            TomlPosition pos = first.position();
            throw new ConfigException(
                    file.shownName() + ":" + pos.line() + ":" + pos.column() + ": " + first.getMessage());
        }
        return result;
    }

    private static Node toTree(TomlParseResult root) {
        return new Node("", table("", root), 1, 1);
    }

    private static Map<String, Node> table(String prefix, TomlTable table) {
        Map<String, Node> children = new LinkedHashMap<>();
        for (String key : table.keySet()) {
            String dotted = prefix.isEmpty() ? key : prefix + "." + key;
            TomlPosition pos = table.inputPositionOf(List.of(key));
            children.put(key, node(dotted, table.get(List.of(key)), pos));
        }
        return Collections.unmodifiableMap(children);
    }

    private static Node node(String dotted, Object value, TomlPosition pos) {
        int line = pos == null ? 1 : pos.line();
        int column = pos == null ? 1 : pos.column();
        if (value instanceof TomlTable t) {
            return new Node(dotted, table(dotted, t), line, column);
        }
        if (value instanceof TomlArray a) {
            List<Node> elements = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                TomlPosition at = a.inputPositionOf(i);
                elements.add(node(dotted + "[" + i + "]", a.get(i), at == null ? pos : at));
            }
            return new Node(dotted, List.copyOf(elements), line, column);
        }
        return new Node(dotted, value, line, column);
    }
}
