package dev.offload.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchIdsTest {

    @Test
    void idsLengthCountsCharactersAndSeparatingSpaces() {
        assertThat(BatchIds.idsLength(List.of())).isZero();
        assertThat(BatchIds.idsLength(List.of("abc"))).isEqualTo(3);
        assertThat(BatchIds.idsLength(List.of("abc", "de", "\uD83D\uDE00"))).isEqualTo(8);
    }

    @Test
    void aBatchOverTheCapIsValidOnlyWithASingleId() {
        assertThat(BatchIds.isValidBatch(List.of("x".repeat(40_000)))).isTrue();
        assertThat(BatchIds.isValidBatch(List.of("x".repeat(20_000), "y".repeat(9_999))))
                .isTrue();
        assertThat(BatchIds.isValidBatch(List.of("x".repeat(20_000), "y".repeat(10_000))))
                .isFalse();
    }

    @Test
    void aBatchWithADuplicateOrNoIdIsInvalid() {
        assertThat(BatchIds.isValidBatch(List.of("a", "b", "a"))).isFalse();
        assertThat(BatchIds.isValidBatch(List.of())).isFalse();
    }

    @Test
    void utf8OrderSortsSupplementaryCharactersAfterTheBasicPlane() {
        assertThat(Utf8Order.compare("\uFFFF", "\uD83D\uDE00")).isNegative();
        assertThat("\uFFFF".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(Utf8Order.compare("ab", "abc")).isNegative();
        assertThat(Utf8Order.compare("abc", "abc")).isZero();
    }
}
