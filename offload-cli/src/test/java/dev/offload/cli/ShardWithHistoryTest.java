package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI shards are cut from history estimates (SPEC §14, §9.1 step 1), never from the previous junit file. */
class ShardWithHistoryTest {
    @TempDir
    Path dir;

    @Test
    void aTestKnownToBeLongGetsAShardOfItsOwn() throws IOException {
        Path config = Files.writeString(dir.resolve("offload.toml"), """
                [offload]

                [provider]
                type = "local"

                [framework]
                type = "default"
                discover_command = 'printf "a\\nb\\nc\\nd\\n" # {filters}'
                run_command = 'true {tests}'
                test_id_format = "{name}"

                [groups.all]

                [history]
                """);
        CliRun withoutHistory = CliRun.of("-c", config.toString(), "collect", "--shard", "1/2");
        assertThat(withoutHistory.out()).startsWith("Shard 1/2: 2 of 4 tests across 1 groups (estimated 2.0s):");

        StringBuilder history = new StringBuilder();
        for (String id : new String[] {"a", "b", "c", "d"}) {
            String secs = id.equals("c") ? "10.0" : "1.0";
            history.append(
                    "{\"k\":[\"offload.toml\",\"%s\"],\"v\":{\"n\":1,\"f\":0,\"last_run\":\"r1\",\"ok\":[[\"r1\",1000,%s]],\"fail\":[]}}\n"
                            .formatted(id, secs));
        }
        Files.writeString(dir.resolve("offload-history.jsonl"), history);
        CliRun first = CliRun.of("-c", config.toString(), "collect", "--shard", "1/2");
        CliRun second = CliRun.of("-c", config.toString(), "collect", "--shard", "2/2");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .startsWith("Shard 1/2: 1 of 4 tests across 1 groups (estimated 10.0s):")
                .contains("  c");
        // a, b and d have no samples: the group mean of the known tests (10 s) is their estimate too.
        assertThat(second.out())
                .startsWith("Shard 2/2: 3 of 4 tests across 1 groups")
                .contains("  a", "  b", "  d");
    }
}
