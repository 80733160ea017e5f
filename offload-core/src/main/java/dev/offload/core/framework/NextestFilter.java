package dev.offload.core.framework;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code -E} filterset expression that selects exactly a batch's nextest tests (SPEC §7.2 nextest): the
 * {@code " | "}-join of {@code (binary_id(=<bin>) & test(=<name>))} per id.
 */
final class NextestFilter {
    private NextestFilter() {}

    static String of(List<String> ids) {
        return ids.stream().map(NextestFilter::term).collect(Collectors.joining(" | "));
    }

    /** An id is {@code <binary-id> <test name>}; binary ids contain no spaces, test names may. */
    static String term(String id) {
        int space = id.indexOf(' ');
        String binary = space < 0 ? id : id.substring(0, space);
        String test = space < 0 ? "" : id.substring(space + 1);
        return "(binary_id(=" + escape(binary) + ") & test(=" + escape(test) + "))";
    }

    /** nextest's filterset escapes: an unescaped {@code )} or {@code ,} would end the value. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(")", "\\)").replace(",", "\\,");
    }
}
