package fr.saisine.triage.cases.metrics;

import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

import fr.saisine.platform.metrics.CachedReading;
import fr.saisine.triage.cases.domain.Cases;
import fr.saisine.triage.routing.TriageProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code saisine_cases_open{sector}}: the open cases of each configured sector. Counting them
 * reads every case on FerretDB (a query by status and sector, not by {@code _id}:
 * docs/ferretdb.md), a cost that grows with the history, so the counts are read at most every
 * {@link #MAX_AGE}, whoever scrapes and however often; a queue's size changes slowly anyway.
 */
@Component
class OpenCaseMetrics implements MeterBinder {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final TriageProperties triage;
    private final CachedReading<Map<String, Long>> openCounts;

    OpenCaseMetrics(Cases cases, TriageProperties triage) {
        this.triage = triage;
        this.openCounts = new CachedReading<>("open cases by sector", MAX_AGE, Duration.ofSeconds(2),
                cases::openCountsBySector);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String sector : triage.sectors().keySet()) {
            Gauge.builder("saisine.cases.open", openCounts, counts -> counts.as(c -> c.getOrDefault(sector, 0L)))
                    .tag("sector", sector).description("Open cases (not closed) in the sector's queue")
                    .register(registry);
        }
    }
}
