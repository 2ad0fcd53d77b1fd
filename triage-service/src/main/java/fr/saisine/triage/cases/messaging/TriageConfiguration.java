package fr.saisine.triage.cases.messaging;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import fr.saisine.events.ComplainantAnswered;
import fr.saisine.events.EventType;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.events.NotificationFailed;
import fr.saisine.events.WithdrawalRequested;
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.outbox.OutboxProperties;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.store.VersionedStore;
import fr.saisine.platform.polling.JobLeases;
import fr.saisine.triage.cases.domain.CaseLetters;
import fr.saisine.triage.cases.domain.CaseTriage;
import fr.saisine.triage.cases.domain.ComplainantRequestHandling;

/**
 * The case's flows: complaint-events in ({@code triageComplaint}: complaints and complainants'
 * requests), notification-events in
 * ({@code recordLetters}), and the relay that publishes each case's events out, and its summaries
 * to case-views. Bindings are in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

    static final String OUTPUT_BINDING = "complaintEvents-out-0";
    static final String VIEWS_BINDING = "caseViews-out-0";

    /**
     * Routes each submitted complaint, and applies to its case what the complainant asks through
     * their follow-up link (intake's events); triage's own events on the topic are not news to it.
     */
    @Bean
    Consumer<Message<byte[]>> triageComplaint(EventJson json, CaseTriage triage, ComplainantRequestHandling requests) {
        return message -> json.read(message.getPayload()).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case ComplaintSubmitted submitted -> triage.triage(submitted);
                case ComplainantAnswered answer -> requests.answered(answer);
                case WithdrawalRequested withdrawal -> requests.withdrawn(withdrawal);
                default -> {
                    // triage's own events, a request for a fresh link (notification's business)
                }
            }
        });
    }

    /** Keeps, per case, what each complainant was told, for the staff's view of the case. */
    @Bean
    Consumer<Message<byte[]>> recordLetters(EventJson json, CaseLetters letters) {
        return message -> json.read(message.getPayload()).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case NotificationDelivered delivered -> letters.delivered(delivered);
                case NotificationFailed failed -> letters.failed(failed);
                default -> {
                    // nothing else travels on notification-events
                }
            }
        });
    }

    @Bean
    OutboxRelay caseOutboxRelay(MongoTemplate mongo, EventPublisher publisher, OutboxProperties properties,
            Clock clock, JobLeases leases) {
        // the lifecycle events to complaint-events; each version's summary to case-views, for the staff views
        return new OutboxRelay(mongo, publisher,
                Map.of("cases", OUTPUT_BINDING, VersionedStore.versionsOf("cases"), OUTPUT_BINDING),
                Map.of(EventType.CASE_SUMMARY.typeName(), VIEWS_BINDING), properties, clock, leases);
    }
}
