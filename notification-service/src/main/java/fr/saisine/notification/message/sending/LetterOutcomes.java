package fr.saisine.notification.message.sending;

import java.util.EnumMap;
import java.util.Map;

import fr.saisine.events.MessageKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the letters sent and failed for good, by kind ({@code saisine_letters_sent_total},
 * {@code saisine_letters_failed_total}): each outcome once, as recorded. Every kind is there from
 * the start, at 0, so that an alert on an increase sees the first failure.
 */
final class LetterOutcomes {

    private final Map<MessageKind, Counter> sent = new EnumMap<>(MessageKind.class);
    private final Map<MessageKind, Counter> failed = new EnumMap<>(MessageKind.class);

    LetterOutcomes(MeterRegistry registry) {
        for (MessageKind kind : MessageKind.values()) {
            sent.put(kind, Counter.builder("saisine.letters.sent").tag("kind", kind.name())
                    .description("Letters handed to the mail server").register(registry));
            failed.put(kind, Counter.builder("saisine.letters.failed").tag("kind", kind.name())
                    .description("Letters given up after their last attempt, or unsendable").register(registry));
        }
    }

    void sent(MessageKind kind) {
        sent.get(kind).increment();
    }

    void failed(MessageKind kind) {
        failed.get(kind).increment();
    }
}
