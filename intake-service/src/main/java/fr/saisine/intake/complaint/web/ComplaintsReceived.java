package fr.saisine.intake.complaint.web;

import org.springframework.stereotype.Component;

import fr.saisine.intake.complaint.domain.SubmittedComplaint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the complaints filed, by the channel they came through ({@code saisine_complaints_received_total}):
 * each once, so not a replayed answer to a request sent again.
 */
@Component
class ComplaintsReceived {

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
        return filed;
    }

    SubmittedComplaint byForm(SubmittedComplaint filed) {
        byForm.increment();
        return filed;
    }
}
