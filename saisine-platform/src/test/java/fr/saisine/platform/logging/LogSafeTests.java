package fr.saisine.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import fr.saisine.platform.followup.FollowUpTokens;

class LogSafeTests {

    @Test
    void shouldKeepTheReferenceAndKindOfAMessageIdAndMaskItsRecipient() {
        String id = "26000001:CLOSED:v6:zephyrine.quilleboeuf@example.org";

        String logged = LogSafe.id(id);

        assertThat(logged).startsWith("26000001:CLOSED:v6:address#").doesNotContain("zephyrine", "example.org");
        assertThat(LogSafe.id("26000001:CLOSED:v6:Zephyrine.Quilleboeuf@Example.org")).isEqualTo(logged);
        assertThat(LogSafe.id("26000001:CLOSED:v6:anatole@example.org")).isNotEqualTo(logged);
    }

    @Test
    void shouldMaskTheTokenOfEveryFollowUpPathButNotTheLostLinkForm() {
        String token = FollowUpTokens.mint();

        assertThat(LogSafe.path("/suivi/" + token)).isEqualTo("/suivi/{token}");
        assertThat(LogSafe.path("/suivi/" + token + "/retrait")).isEqualTo("/suivi/{token}/retrait");
        assertThat(LogSafe.path("/api/v1/follow-up/" + token + "/answers")).isEqualTo("/api/v1/follow-up/{token}/answers");
        assertThat(LogSafe.path("/suivi/not-even-a-token")).isEqualTo("/suivi/{token}");
        assertThat(LogSafe.path("/suivi/lien-perdu")).isEqualTo("/suivi/lien-perdu");
        assertThat(LogSafe.path("/suivi/lien-perdu/envoye")).isEqualTo("/suivi/lien-perdu/envoye");
        assertThat(LogSafe.path("/api/v1/cases/26000001/notes")).isEqualTo("/api/v1/cases/26000001/notes");
    }

    @Test
    void shouldMaskATokenAnAddressAndADuplicateKeyInAnyText() {
        String token = FollowUpTokens.mint();

        assertThat(LogSafe.text("Invalid character found in the request target [/suivi/" + token + "{} ]"))
                .doesNotContain(token);
        assertThat(LogSafe.text("token " + token + " unknown")).isEqualTo("token {token} unknown");
        assertThat(LogSafe.text("550 5.1.1 <anatole.vp@example.org>: Recipient address rejected"))
                .startsWith("550 5.1.1 <address#").doesNotContain("anatole");
        assertThat(LogSafe.text("E11000 duplicate key error collection: saisine.messages index: _id_ dup key: "
                + "{ _id: \"26000001:ACKNOWLEDGEMENT:Zéphyrine Q <z@x.fr>\" }"))
                .isEqualTo("E11000 duplicate key error collection: saisine.messages index: _id_ dup key: {…}");
    }

    @Test
    void shouldLeaveWhatIdentifiesNoOneAsItIs() {
        String plain = "events of 3 complaint(s) not published: complaint-events-0@5, request "
                + "5f0c3a1e-8b2d-4c6e-9f10-2a3b4c5d6e7f, sha256 " + "ab".repeat(32);

        assertThat(LogSafe.text(plain)).isEqualTo(plain);
    }

    @Test
    void shouldMaskTheMessagesOfAnExceptionAndItsCausesAndKeepTheirClassesAndFrames() {
        IllegalStateException thrown = new IllegalStateException("write of 26000001:ACK:zq@example.org failed",
                new IllegalArgumentException("dup key: { _id: \"zq@example.org\" }"));

        Throwable logged = LogSafe.throwable(thrown);
        StringWriter trace = new StringWriter();
        logged.printStackTrace(new PrintWriter(trace));

        assertThat(trace.toString()).doesNotContain("zq@example.org")
                .contains("java.lang.IllegalStateException: write of 26000001:ACK:address#",
                        "Caused by: java.lang.IllegalArgumentException: dup key: {…}",
                        "LogSafeTests.shouldMaskTheMessagesOfAnExceptionAndItsCausesAndKeepTheirClassesAndFrames");
        assertThat(logged.getStackTrace()).isEqualTo(thrown.getStackTrace());
    }
}
