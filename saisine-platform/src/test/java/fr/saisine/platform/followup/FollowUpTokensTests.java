package fr.saisine.platform.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FollowUpTokensTests {

    @Test
    void shouldMintWellFormedTokensThatNeverRepeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = FollowUpTokens.mint();
            assertThat(FollowUpTokens.isWellFormed(token)).as(token).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1_000);
    }

    @Test
    void shouldHashAsSha256InLowercaseHex() {
        assertThat(FollowUpTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldTakeNoReferenceOrPathForAToken() {
        assertThat(FollowUpTokens.isWellFormed("26000001")).isFalse();
        assertThat(FollowUpTokens.isWellFormed("../" + FollowUpTokens.mint().substring(3))).isFalse();
        assertThat(FollowUpTokens.isWellFormed(null)).isFalse();
    }
}
