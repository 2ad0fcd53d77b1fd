package fr.saisine.platform.metrics;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code saisine.ready}: 1 while the readiness group (the database and Kafka) is UP, 0 when it is
 * not, NaN when it does not answer in time; so that Prometheus, which scrapes the metrics and not
 * the probes, can alert on it. Asked at most every few seconds: each ask reaches both servers.
 */
public final class ReadinessMetrics implements MeterBinder {

    private final CachedReading<Status> readiness;

    public ReadinessMetrics(ObjectProvider<HealthEndpoint> health) {
        this.readiness = new CachedReading<>("readiness", BacklogMetrics.MAX_AGE, BacklogMetrics.MAX_WAIT, () -> {
            HealthDescriptor group = health.getObject().healthForPath("readiness");
            return group == null ? Status.UNKNOWN : group.getStatus();
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("saisine.ready", readiness, r -> r.as(status -> Status.UP.equals(status) ? 1 : 0))
                .description("1 while the readiness probe (database, Kafka) answers UP").register(registry);
    }
}
