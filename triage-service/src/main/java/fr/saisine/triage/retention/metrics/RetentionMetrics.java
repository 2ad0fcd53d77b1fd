package fr.saisine.triage.retention.metrics;

import java.time.Duration;

import org.springframework.stereotype.Component;

import fr.saisine.platform.metrics.CachedReading;
import fr.saisine.triage.retention.domain.RetentionRun;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code saisine_retention_overdue{kind="cases"}}: closed cases past their period, not anonymised
 * and not under a legal hold. Zero after each run; above zero for long, the runs are not happening
 * (docs/operations.md). Read as a run would find them (the closing days since the last run's, by
 * {@code _id}, and each case), at most once a minute however often it is scraped.
 */
@Component
class RetentionMetrics implements MeterBinder {

    private final CachedReading<Long> overdue;

    RetentionMetrics(RetentionRun run) {
        this.overdue = new CachedReading<>("retention-overdue", Duration.ofMinutes(1), Duration.ofSeconds(2),
                run::overdue);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("saisine.retention.overdue", overdue, o -> o.as(Long::doubleValue)).tag("kind", "cases")
                .description("Records past their retention period not erased yet (nor held)").register(registry);
    }
}
