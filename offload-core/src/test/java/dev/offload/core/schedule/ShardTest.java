package dev.offload.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {

    @Test
    void parsesIndexOverCount() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse("3/3")).isEqualTo(new Shard(3, 3));
        assertThat(Shard.parse("1/1").toString()).isEqualTo("1/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/3", "4/3", "1/0"})
    void outOfRangeShardIsRejectedNamingTheValue(String text) {
        assertThatThrownBy(() -> Shard.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shard \"" + text + "\" is out of range: expected i/n with 1 <= i <= n, e.g. 2/4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "", "1/", "/3", "-1/3", "1/3/4", "a/b", "99999999999/3"})
    void malformedShardIsRejectedNamingTheValue(String text) {
        assertThatThrownBy(() -> Shard.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shard \"" + text + "\" is not of the form i/n: expected e.g. 2/4 with 1 <= i <= n");
    }

    @Test
    void constructorRejectsOutOfRangeValues() {
        assertThatThrownBy(() -> new Shard(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
