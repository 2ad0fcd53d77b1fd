package fr.saisine.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fault suite tells letters apart by the Message-ID notification-service gives them. */
class LetterIdentityTest {

    @ParameterizedTest
    @CsvSource({
            "<26000001.ACKNOWLEDGEMENT.faults.54835306.1.example.org@saisine.example>, 26000001, ACKNOWLEDGEMENT",
            "<26000007.UNDER.REVIEW.v2.faults.54835306.1.example.org@saisine.example>, 26000007, UNDER_REVIEW",
            "<26000009.INFORMATION.REQUESTED.v3.alice.example.org@saisine.example>, 26000009, INFORMATION_REQUESTED",
            "<26000010.PROGRESS.1764150000000.bruno.example.org@saisine.example>, 26000010, PROGRESS",
            "<not-one-of-ours@elsewhere.example>, not-one-of-ours@elsewhere, ?" })
    void readsTheComplaintAndTheKindFromTheMessageId(String messageId, String reference, String kind) {
        Letters.Delivery delivery = new Letters.Delivery("faults-1@example.org", messageId, 1, Instant.now());

        assertThat(delivery.reference()).isEqualTo(reference);
        assertThat(delivery.kind()).isEqualTo(kind);
    }
}
