package fr.saisine.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import fr.saisine.events.Event;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.tracing.EventTracing;

/**
 * Consumes a poll of records at once (a binding in {@code batch-mode}): a service writes what
 * the poll's events have in common with one command per collection, where one record at a time
 * cost one command each. What a record-at-a-time consumer had from the binder stays: when the
 * poll cannot be handled together, its events are handled one by one, each in its own trace,
 * and the first that fails is reported by its position ({@link BatchListenerFailedException}),
 * so that the container's error handler ({@link BatchDeadLetters}) commits the events before
 * it, retries it, and dead-letters it alone. Every handler must be idempotent, as it already is
 * for a redelivery: after a failure, events handled together before it are handled again.
 */
public final class EventBatches {

    private static final Logger log = LoggerFactory.getLogger(EventBatches.class);

    private final EventJson json;
    private final EventTracing tracing;

    public EventBatches(EventJson json, EventTracing tracing) {
        this.json = json;
        this.tracing = tracing;
    }

    /**
     * Reads the poll and hands its events to {@code together}; if that fails, hands them to
     * {@code alone} one by one, in order. Events of types this build does not know are skipped;
     * an unreadable record is reported after the events before it are handled.
     *
     * @param poll the records as the binder hands them over, bytes: the function must take a
     *        {@code Message<Object>}, for Spring Cloud Function 5.0 converts a
     *        {@code Message<List<byte[]>>} into an empty list, which would commit a poll unread
     * @param name what the spans of this consumer are called
     */
    public void consume(Message<Object> poll, String name, Consumer<List<ConsumedEvent>> together,
            Consumer<ConsumedEvent> alone) {
        List<byte[]> records = records(poll);
        List<String> traceparents = traceparents(poll, records.size());
        List<ConsumedEvent> events = new ArrayList<>(records.size());
        UnreadableEventException unreadable = null;
        int index = 0;
        for (; index < records.size(); index++) {
            try {
                int at = index;
                byte[] record = records.get(index);
                if (record == null) {
                    throw new UnreadableEventException("the record has no value", null);
                }
                json.read(record).ifPresent(envelope -> events.add(new ConsumedEvent(at, envelope, traceparents.get(at))));
            }
            catch (UnreadableEventException ex) {
                unreadable = ex;
                break;
            }
        }
        if (!events.isEmpty()) {
            handle(events, name, together, alone);
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, index);
        }
    }

    /** Runs {@code work} for each event in turn, in its own trace, with its reference in the log context. */
    public void each(List<ConsumedEvent> events, String name, Consumer<ConsumedEvent> work) {
        for (ConsumedEvent event : events) {
            tracing.continueTrace(event.traceparent(), name, event.reference(), () -> work.accept(event));
        }
    }

    /** The payloads of the events of this type, in order. */
    public static <T extends Event> List<T> payloads(List<ConsumedEvent> events, Class<T> type) {
        return events.stream().map(ConsumedEvent::payload).filter(type::isInstance).map(type::cast).toList();
    }

    /** The events of this type, in order. */
    public static List<ConsumedEvent> ofType(List<ConsumedEvent> events, Class<? extends Event> type) {
        return events.stream().filter(event -> type.isInstance(event.payload())).toList();
    }

    /** The events of none of these types, in order. */
    @SafeVarargs
    public static List<ConsumedEvent> allBut(List<ConsumedEvent> events, Class<? extends Event>... types) {
        return events.stream().filter(event -> Arrays.stream(types).noneMatch(type -> type.isInstance(event.payload())))
                .toList();
    }

    /**
     * A stretch of a poll: its other events, to be handled first, then its orders, at once.
     *
     * @param others the events that are not orders, in order
     * @param orders the orders, in order
     */
    public record Segment(List<ConsumedEvent> others, List<ConsumedEvent> orders) {
    }

    /**
     * Cuts a poll into as few segments as keep each complaint's events in their order: the orders
     * of a poll (erasure orders, say) are carried out together, after the poll's other events,
     * unless one of those comes after the order of its own complaint, where a new segment starts.
     * The events of different complaints do not depend on one another; those of one complaint
     * keep their order, since each segment's other events all came before its orders of the same
     * complaint. Answers and filings of other complaints, interleaved with a run's orders on the
     * topic, then no longer break the orders into polls of a few.
     */
    public static List<Segment> segments(List<ConsumedEvent> events, Class<? extends Event> orderType) {
        List<Segment> segments = new ArrayList<>();
        List<ConsumedEvent> others = new ArrayList<>();
        List<ConsumedEvent> orders = new ArrayList<>();
        Set<String> ordered = new HashSet<>();
        for (ConsumedEvent event : events) {
            if (orderType.isInstance(event.payload())) {
                orders.add(event);
                ordered.add(event.reference());
                continue;
            }
            if (ordered.contains(event.reference())) {
                segments.add(new Segment(List.copyOf(others), List.copyOf(orders)));
                others.clear();
                orders.clear();
                ordered.clear();
            }
            others.add(event);
        }
        if (!others.isEmpty() || !orders.isEmpty()) {
            segments.add(new Segment(List.copyOf(others), List.copyOf(orders)));
        }
        return segments;
    }

    private void handle(List<ConsumedEvent> events, String name, Consumer<List<ConsumedEvent>> together,
            Consumer<ConsumedEvent> alone) {
        try {
            together.accept(events);
        }
        catch (RuntimeException failed) {
            log.warn("{} events of one poll could not be handled together ({}): handling them one by one",
                    events.size(), LogSafe.describe(failed));
            for (ConsumedEvent event : events) {
                try {
                    tracing.continueTrace(event.traceparent(), name, event.reference(), () -> alone.accept(event));
                }
                catch (RuntimeException ex) {
                    throw new BatchListenerFailedException(ex.getMessage(), ex, event.index());
                }
            }
        }
    }

    /** The records of the poll, all of them, or an exception that stops the consumer: a poll is never committed unread. */
    private static List<byte[]> records(Message<Object> poll) {
        Object offsets = poll.getHeaders().get(KafkaHeaders.OFFSET);
        // a record without a value comes as null: unreadable, and dead-lettered as such
        if (poll.getPayload() instanceof List<?> records
                && records.stream().allMatch(record -> record == null || record instanceof byte[])
                && (!(offsets instanceof List<?> polled) || polled.size() == records.size())) {
            return records.stream().map(byte[].class::cast).toList();
        }
        throw new UnreadablePollException("not a poll of records as bytes (is the binding in batch-mode, and its "
                + "function a Consumer<Message<Object>>?): " + poll.getPayload().getClass().getName());
    }

    /** Each record's {@code traceparent}, from the headers the binder converted record by record. */
    private static List<String> traceparents(Message<?> poll, int count) {
        List<String> traceparents = new ArrayList<>(count);
        if (poll.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS) instanceof List<?> headers) {
            for (Object each : headers) {
                traceparents.add(each instanceof Map<?, ?> map ? text(map.get(EventTracing.TRACEPARENT)) : null);
            }
        }
        while (traceparents.size() < count) {
            traceparents.add(null);
        }
        return traceparents;
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
