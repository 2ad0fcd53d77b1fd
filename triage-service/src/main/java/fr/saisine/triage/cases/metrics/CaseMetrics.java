package fr.saisine.triage.cases.metrics;

import java.util.Map;

import org.springframework.stereotype.Component;

import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.routing.TriageProperties;
import fr.saisine.triage.views.domain.CaseViews;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code saisine_cases{sector,status}}, every configured sector in every status, and
 * {@code saisine_cases_open{sector}}, those not closed: read from the staff views held in memory
 * ({@link CaseViews}), which keep the counts as they change, so a scrape costs nothing.
 */
@Component
class CaseMetrics implements MeterBinder {

    private final TriageProperties triage;
    private final CaseViews views;

    CaseMetrics(CaseViews views, TriageProperties triage) {
        this.triage = triage;
        this.views = views;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String sector : triage.sectors().keySet()) {
            for (CaseStatus status : CaseStatus.values()) {
                Gauge.builder("saisine.cases", views, v -> v.counts(sector).getOrDefault(status.name(), 0L))
                        .tag("sector", sector).tag("status", status.name())
                        .description("Cases of the sector in this status").register(registry);
            }
            Gauge.builder("saisine.cases.open", views, v -> open(v.counts(sector)))
                    .tag("sector", sector).description("Open cases (not closed) in the sector's queue")
                    .register(registry);
        }
    }

    private static long open(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(entry -> !CaseStatus.CLOSED.name().equals(entry.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
