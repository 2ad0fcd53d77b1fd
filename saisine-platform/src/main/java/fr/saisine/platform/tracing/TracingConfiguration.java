package fr.saisine.platform.tracing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** One trace per complaint, end to end (EventTracing); without a tracer (tracing off), none. */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
public class TracingConfiguration {

    @Bean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    TracedEventConsumption tracedEventConsumption(EventTracing tracing) {
        return new TracedEventConsumption(tracing);
    }
}
