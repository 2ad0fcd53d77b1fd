package fr.saisine.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import fr.saisine.platform.tracing.EventTracing;
import fr.saisine.testsupport.EventFixtures;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A poll is handled together; when that fails, one event at a time, and the error handler is told
 * exactly which record failed, so that nothing before it is handled twice for nothing and nothing
 * after it is skipped.
 */
class EventBatchesTests {

    static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    final EventBatches batches = new EventBatches(new EventJson(JsonMapper.builder().build()),
            new EventTracing(Tracer.NOOP, Propagator.NOOP));
    final List<List<String>> together = new ArrayList<>();
    final List<String> alone = new ArrayList<>();

    static byte[] triaged(String reference) {
        return EventFixtures.json(EventFixtures.triaged(reference, "APSF", "Affaires publiques"))
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ofAnUnknownType() {
        return """
                {"eventId": "5f0c6a52-64a4-4a4e-9d7c-2b8f0d6f3b11", "type": "SomethingNewer", "schemaVersion": 1,
                 "occurredAt": "2026-11-27T10:00:00Z", "reference": "99000009", "payload": {}}"""
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReportARecordWithoutAValueAsUnreadableAfterTheEventsBeforeIt() {
        Message<Object> poll = MessageBuilder.<Object>withPayload(
                Arrays.asList(triaged("99000001"), null, triaged("99000002"))).build();

        assertThatThrownBy(() -> consume(poll, null, null))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed.getCause()).isInstanceOf(UnreadableEventException.class);
                });
        assertThat(together).containsExactly(List.of("99000001"));
    }

    static Message<Object> poll(byte[]... records) {
        List<Map<String, Object>> headers = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            Map<String, Object> each = new HashMap<>();
            each.put(EventTracing.TRACEPARENT, (TRACEPARENT + i).getBytes(StandardCharsets.UTF_8));
            headers.add(each);
        }
        return MessageBuilder.<Object>withPayload(List.of(records)).setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .build();
    }

    void consume(Message<Object> poll, String failingTogether, String failingAlone) {
        batches.consume(poll, "test", events -> {
            together.add(events.stream().map(ConsumedEvent::reference).toList());
            if (events.stream().anyMatch(event -> event.reference().equals(failingTogether))) {
                throw new IllegalStateException("cannot be handled together");
            }
        }, event -> {
            if (event.reference().equals(failingAlone)) {
                throw new IllegalStateException("fails alone too");
            }
            alone.add(event.reference());
        });
    }

    @Test
    void shouldHandTheReadableEventsOfAPollTogetherWithTheirPositionsAndTraces() {
        List<ConsumedEvent> seen = new ArrayList<>();
        batches.consume(poll(triaged("99000001"), ofAnUnknownType(), triaged("99000002")), "test", seen::addAll,
                event -> alone.add(event.reference()));

        assertThat(seen).extracting(ConsumedEvent::reference).containsExactly("99000001", "99000002");
        assertThat(seen).extracting(ConsumedEvent::index).as("the unknown type is skipped, not renumbered")
                .containsExactly(0, 2);
        assertThat(seen).extracting(ConsumedEvent::traceparent).containsExactly(TRACEPARENT + 0, TRACEPARENT + 2);
        assertThat(alone).isEmpty();
    }

    @Test
    void shouldRefuseAPollWhoseRecordsAreNotAllThereAsBytesRatherThanLetItBeCommittedUnread() {
        Message<Object> converted = MessageBuilder.<Object>withPayload(List.of())
                .setHeader(KafkaHeaders.OFFSET, List.of(41L, 42L)).build();

        assertThatThrownBy(() -> consume(converted, null, null)).isInstanceOf(UnreadablePollException.class);
        assertThatThrownBy(() -> consume(MessageBuilder.<Object>withPayload(List.of("text")).build(), null, null))
                .isInstanceOf(UnreadablePollException.class);
        assertThat(together).isEmpty();
    }

    @Test
    void shouldHandleThePollOneByOneWhenItCannotBeHandledTogether() {
        consume(poll(triaged("99000001"), triaged("99000002"), triaged("99000003")), "99000002", null);

        assertThat(together).containsExactly(List.of("99000001", "99000002", "99000003"));
        assertThat(alone).containsExactly("99000001", "99000002", "99000003");
    }

    @Test
    void shouldReportThePositionOfTheFirstEventThatFailsAloneAndHandleNothingAfterIt() {
        assertThatThrownBy(() -> consume(poll(triaged("99000001"), ofAnUnknownType(), triaged("99000002"),
                triaged("99000003")), "99000002", "99000002"))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(2);
                    assertThat(failed.getCause()).hasMessage("fails alone too");
                });
        assertThat(alone).containsExactly("99000001");
    }

    @Test
    void shouldHandleTheEventsBeforeAnUnreadableRecordThenReportIt() {
        assertThatThrownBy(() -> consume(poll(triaged("99000001"), triaged("99000002"),
                "not an event".getBytes(StandardCharsets.UTF_8), triaged("99000003")), null, null))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(2);
                    assertThat(failed.getCause()).isInstanceOf(UnreadableEventException.class);
                });
        assertThat(together).containsExactly(List.of("99000001", "99000002"));
    }

    static ConsumedEvent event(int index, fr.saisine.events.Event payload) {
        return new ConsumedEvent(index, fr.saisine.events.EventEnvelope.wrap(payload, java.time.Instant.now()), null);
    }

    static fr.saisine.events.ErasureOrdered order(String reference) {
        return new fr.saisine.events.ErasureOrdered(reference, fr.saisine.events.ErasureRule.AFTER_CLOSING, "run",
                java.time.Instant.now());
    }

    @Test
    void shouldGatherAPollsOrdersAfterItsOtherEventsUnlessAComplaintsEventFollowsItsOrder() {
        List<ConsumedEvent> poll = List.of(
                event(0, order("26000001")),
                event(1, EventFixtures.triaged("26000002", "APSF", "Affaires publiques")),
                event(2, order("26000003")),
                event(3, EventFixtures.triaged("26000004", "APSF", "Affaires publiques")),
                event(4, order("26000005")),
                // an event of a complaint ordered erased earlier in the poll: after its order
                event(5, EventFixtures.triaged("26000003", "APSF", "Affaires publiques")),
                event(6, order("26000006")));

        List<EventBatches.Segment> segments = EventBatches.segments(poll, fr.saisine.events.ErasureOrdered.class);

        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).others()).extracting(ConsumedEvent::index).containsExactly(1, 3);
        assertThat(segments.get(0).orders()).extracting(ConsumedEvent::index).containsExactly(0, 2, 4);
        assertThat(segments.get(1).others()).extracting(ConsumedEvent::index).containsExactly(5);
        assertThat(segments.get(1).orders()).extracting(ConsumedEvent::index).containsExactly(6);
        assertThat(EventBatches.segments(List.of(), fr.saisine.events.ErasureOrdered.class)).isEmpty();
    }
}
