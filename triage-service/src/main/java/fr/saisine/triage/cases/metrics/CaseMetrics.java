package fr.saisine.triage.cases.metrics;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import fr.saisine.platform.metrics.CachedReading;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.Cases;
import fr.saisine.triage.routing.TriageProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code saisine_cases{sector,status}}, every configured sector in every status, and
 * {@code saisine_cases_open{sector}}, those not closed. Counting reads every case on FerretDB (a
 * query not by {@code _id}: docs/ferretdb.md), a cost that grows with the history, so the counts
 * are read at most once per {@code saisine.metrics.max-age} (30 s), whoever scrapes and however
 * often; a queue's size changes slowly anyway.
 */
@Component
class CaseMetrics implements MeterBinder {

    private final TriageProperties triage;
    private final CachedReading<Map<String, Map<CaseStatus, Long>>> counts;

    CaseMetrics(Cases cases, TriageProperties triage, @Value("${saisine.metrics.max-age:30s}") Duration maxAge) {
        this.triage = triage;
        this.counts = new CachedReading<>("cases by sector and status", maxAge, Duration.ofSeconds(2),
                cases::countsBySectorAndStatus);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String sector : triage.sectors().keySet()) {
            for (CaseStatus status : CaseStatus.values()) {
                Gauge.builder("saisine.cases", counts, c -> c.as(read -> count(read, sector, status)))
                        .tag("sector", sector).tag("status", status.name())
                        .description("Cases of the sector in this status").register(registry);
            }
            Gauge.builder("saisine.cases.open", counts, c -> c.as(read -> open(read, sector)))
                    .tag("sector", sector).description("Open cases (not closed) in the sector's queue")
                    .register(registry);
        }
    }

    private static long count(Map<String, Map<CaseStatus, Long>> read, String sector, CaseStatus status) {
        return read.getOrDefault(sector, Map.of()).getOrDefault(status, 0L);
    }

    private static long open(Map<String, Map<CaseStatus, Long>> read, String sector) {
        return read.getOrDefault(sector, Map.of()).entrySet().stream()
                .filter(entry -> entry.getKey() != CaseStatus.CLOSED).mapToLong(Map.Entry::getValue).sum();
    }
}
