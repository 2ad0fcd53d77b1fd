package fr.saisine.intake.complaint.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import fr.saisine.intake.complaint.domain.SubmittedComplaint;
import fr.saisine.platform.tracing.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the complaints filed, by the channel they came through ({@code saisine_complaints_received_total}):
 * each once, so not a replayed answer to a request sent again.
 */
@Component
class ComplaintsReceived {

    private static final Logger log = LoggerFactory.getLogger(ComplaintsReceived.class);

    private final Counter byApi;
    private final Counter byForm;

    ComplaintsReceived(MeterRegistry registry) {
        this.byApi = counter(registry, "api");
        this.byForm = counter(registry, "form");
    }

    private static Counter counter(MeterRegistry registry, String channel) {
        return Counter.builder("saisine.complaints.received").tag("channel", channel)
                .description("Complaints filed, each once").register(registry);
    }

    SubmittedComplaint byApi(SubmittedComplaint filed) {
        byApi.increment();
        return logged(filed, "api");
    }

    SubmittedComplaint byForm(SubmittedComplaint filed) {
        byForm.increment();
        return logged(filed, "form");
    }

    /** One line per complaint filed, the first of its trace (nothing personal: the reference only) */
    private static SubmittedComplaint logged(SubmittedComplaint filed, String channel) {
        MDC.put(EventTracing.REFERENCE, filed.reference());
        log.info("complaint {} filed through the {}", filed.reference(), channel);
        return filed;
    }
}
