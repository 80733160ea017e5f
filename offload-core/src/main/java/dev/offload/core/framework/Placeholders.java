package dev.offload.core.framework;

import java.util.Map;

/**
 * Replaces {@code {name}} placeholders in one left-to-right pass (SPEC §17.4): inserted text is never scanned again, so
 * a test id that happens to contain {@code {result_file}} stays as it is. Unknown {@code {...}} text is kept.
 */
public final class Placeholders {
    private Placeholders() {}

    /** {@code template} with each known placeholder (keys like {@code "{tests}"}) replaced by its value. */
    public static String substitute(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length());
        int pos = 0;
        while (pos < template.length()) {
            int open = template.indexOf('{', pos);
            if (open < 0) {
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                break;
            }
            String value = values.get(template.substring(open, close + 1));
            if (value == null) {
                out.append(template, pos, open + 1); // not ours: keep the brace and look again after it
                pos = open + 1;
                continue;
            }
            out.append(template, pos, open).append(value);
            pos = close + 1;
        }
        return out.append(template, pos, template.length()).toString();
    }
}
