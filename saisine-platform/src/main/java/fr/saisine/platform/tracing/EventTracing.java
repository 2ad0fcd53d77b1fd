package fr.saisine.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.MDC;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries one trace from the request that files a complaint through every service it reaches,
 * across Kafka and across the queues in between (the outbox, the mail queue), whose work runs
 * later on other threads: the W3C {@code traceparent} of the work that stores an event or a
 * letter is stored with it, and the work that sends it continues that trace. While it runs, the
 * log context carries the trace id and the complaint's reference (docs/operations.md).
 */
public final class EventTracing {

    /** The W3C trace context header, on Kafka records as on HTTP requests. */
    public static final String TRACEPARENT = "traceparent";

    /** The log context key of the complaint reference the work is about. */
    public static final String REFERENCE = "reference";

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the work in progress, to store with what it hands on; null outside any trace. */
    public String current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs {@code work} in a span continuing {@code traceparent} (a trace of its own when there is
     * none), with {@code reference} in the log context.
     */
    public <T> T continueTrace(String traceparent, String name, String reference, Supplier<T> work) {
        Span.Builder builder = traceparent == null ? tracer.spanBuilder().setNoParent()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
        Span span = builder.name(name).start();
        String outerReference = MDC.get(REFERENCE);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            if (reference != null) {
                MDC.put(REFERENCE, reference);
            }
            return work.get();
        }
        finally {
            restore(outerReference);
            span.end();
        }
    }

    public void continueTrace(String traceparent, String name, String reference, Runnable work) {
        continueTrace(traceparent, name, reference, () -> {
            work.run();
            return null;
        });
    }

    private static void restore(String outerReference) {
        if (outerReference == null) {
            MDC.remove(REFERENCE);
        }
        else {
            MDC.put(REFERENCE, outerReference);
        }
    }
}
