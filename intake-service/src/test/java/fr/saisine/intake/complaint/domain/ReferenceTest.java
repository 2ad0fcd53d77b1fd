package fr.saisine.intake.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ReferenceTest {

    @Test
    void shouldJoinTheTwoDigitYearAndTheSixDigitSequence() {
        assertThat(Reference.of(2024, 18_165).value()).isEqualTo("24018165");
        assertThat(Reference.of(2026, 1).value()).isEqualTo("26000001");
        assertThat(Reference.of(2100, 999_999).value()).isEqualTo("00999999");
    }

    @Test
    void shouldRefuseASequenceOutsideTheYearsMillion() {
        assertThatIllegalArgumentException().isThrownBy(() -> Reference.of(2026, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Reference.of(2026, 1_000_000));
    }

    @Test
    void shouldAcceptOnlyEightDigits() {
        assertThat(Reference.isWellFormed("26000001")).isTrue();
        assertThat(Reference.isWellFormed("2600001")).isFalse();
        assertThat(Reference.isWellFormed("260000011")).isFalse();
        assertThat(Reference.isWellFormed("26-00001")).isFalse();
        assertThat(Reference.isWellFormed(null)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Reference("abc")).withMessageContaining("8 digits");
    }
}
