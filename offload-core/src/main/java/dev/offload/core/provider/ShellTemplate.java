package dev.offload.core.provider;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Placeholder substitution for the {@code default} provider's command templates (SPEC §8.6). Every placeholder is
 * replaced in one pass over the template, so a value that itself contains {@code {sandbox_id}} or {@code {command}}
 * is never rewritten. Values arrive already quoted where the SPEC says so; this class only pastes them.
 */
public final class ShellTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private ShellTemplate() {}

    /** Replaces each {@code {name}} whose name is a key of {@code values}; other braces stay as written. */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The shortest decimal form of a core count: {@code 1}, {@code 0.125}, never {@code 1.0} or an exponent. */
    public static String decimal(double value) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }
}
