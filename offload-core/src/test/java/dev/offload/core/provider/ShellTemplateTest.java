package dev.offload.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellTemplateTest {
    @Test
    void valuesAreSubstitutedInOnePassAndNeverRescanned() {
        String filled = ShellTemplate.fill(
                "run {sandbox_id} {command}", Map.of("sandbox_id", "'{command}'", "command", "'{sandbox_id}'"));

        assertThat(filled).isEqualTo("run '{command}' '{sandbox_id}'");
    }

    @Test
    void unknownPlaceholdersAndShellBracesStayAsWritten() {
        String filled = ShellTemplate.fill("echo ${HOME} {paths} {image_id}", Map.of("image_id", "img"));

        assertThat(filled).isEqualTo("echo ${HOME} {paths} img");
    }

    @Test
    void coreCountsUseTheShortestDecimalForm() {
        assertThat(ShellTemplate.decimal(1.0)).isEqualTo("1");
        assertThat(ShellTemplate.decimal(0.125)).isEqualTo("0.125");
        assertThat(ShellTemplate.decimal(16)).isEqualTo("16");
        assertThat(ShellTemplate.decimal(1e-7)).isEqualTo("0.0000001");
    }
}
