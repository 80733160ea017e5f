package dev.offload.core.framework;

import dev.offload.core.provider.Shell;
import java.util.List;

/**
 * The file of ids a batch script writes next to its result file for runners that read one id a line (SPEC §9.2:
 * pytest's {@code @file}, the junit runner's {@code --ids}). The script writes it from a quoted here-document, so no
 * id passes through shell expansion.
 */
final class IdsFile {
    private IdsFile() {}

    /** False when an id cannot be one line of the file (a line break, or empty): such batches pass ids as arguments. */
    static boolean canHold(List<String> ids) {
        return ids.stream().noneMatch(id -> id.isEmpty() || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0);
    }

    /**
     * Shell text writing {@code ids}, one a line, to {@code path}. The here-document's end marker is {@code end}, made
     * longer until no id equals it.
     */
    static String writer(String path, List<String> ids, String end) {
        String marker = end;
        while (ids.contains(marker)) {
            marker = marker + "_";
        }
        StringBuilder text = new StringBuilder("cat > ")
                .append(Shell.quote(path))
                .append(" <<'")
                .append(marker);
        text.append("' || exit 1\n");
        for (String id : ids) {
            text.append(id).append('\n');
        }
        return text.append(marker).append('\n').toString();
    }
}
