package fr.saisine.triage.cases.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import fr.saisine.events.ComplainantAnswered;
import fr.saisine.events.EventType;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.PersonalDataErased;
import fr.saisine.events.WithdrawalRequested;
import fr.saisine.platform.events.ConsumedEvent;
import fr.saisine.platform.events.EventBatches;
import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.outbox.OutboxProperties;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.store.VersionedStore;
import fr.saisine.platform.polling.JobLeases;
import fr.saisine.triage.cases.domain.CaseLetters;
import fr.saisine.triage.cases.domain.CaseTriage;
import fr.saisine.triage.cases.domain.ComplainantRequestHandling;
import fr.saisine.triage.retention.domain.ErasureAnswers;
import fr.saisine.triage.retention.domain.TriageErasure;

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
     * their follow-up link (intake's events); erases the case on an order of erasure, as every
     * service does, and gathers every service's answer to it (retention package); triage's other
     * events on the topic are not news to it.
     */
    @Bean
    Consumer<Message<Object>> triageComplaint(EventBatches batches, CaseTriage triage,
            ComplainantRequestHandling requests, TriageErasure erasure, ErasureAnswers answers) {
        String span = "consume triageComplaint";
        Consumer<ConsumedEvent> alone = event -> {
            switch (event.payload()) {
                case ComplaintSubmitted submitted -> triage.triage(submitted);
                case ComplainantAnswered answer -> requests.answered(answer);
                case WithdrawalRequested withdrawal -> requests.withdrawn(withdrawal);
                case ErasureOrdered order -> erasure.erase(order);
                case PersonalDataErased answer -> answers.recordAll(List.of(answer));
                default -> {
                    // triage's own events, a request for a fresh link (notification's business)
                }
            }
        };
        return poll -> batches.consume(poll, span, events -> {
            triageTogether(batches, triage, EventBatches.ofType(events, ComplaintSubmitted.class), span);
            // answers concern no case: kept in one write, wherever they are in the poll
            answers.recordAll(EventBatches.payloads(events, PersonalDataErased.class));
            for (EventBatches.Segment segment : EventBatches.segments(
                    EventBatches.allBut(events, ComplaintSubmitted.class, PersonalDataErased.class), ErasureOrdered.class)) {
                batches.each(segment.others(), span, alone);
                if (!segment.orders().isEmpty()) {
                    erasure.eraseAll(segment.orders().stream().map(event -> (ErasureOrdered) event.payload()).toList());
                }
            }
        }, alone);
    }

    /**
     * A poll's complaints routed each in its own trace, their cases stored in one write (a marker
     * insert and a case insert), then each outcome logged in its trace. A complaint's requests come
     * after its routing, so handling them after every routing of the poll reorders nothing of one
     * complaint.
     */
    private static void triageTogether(EventBatches batches, CaseTriage triage, List<ConsumedEvent> submitted,
            String span) {
        List<CaseTriage.Routed> routed = new ArrayList<>();
        batches.each(submitted, span,
                event -> routed.add(triage.route((ComplaintSubmitted) event.payload(), List.copyOf(routed))));
        Set<String> hadACase = triage.storeAll(routed);
        Set<String> reported = new HashSet<>();
        Iterator<CaseTriage.Routed> each = routed.iterator();
        batches.each(submitted, span, event -> {
            CaseTriage.Routed next = each.next();
            String reference = next.complaint().reference();
            triage.report(next, !hadACase.contains(reference) && reported.add(reference));
        });
    }

    /** A poll at once: its letters' outcomes recorded in one write, in order. */
    @Bean
    Consumer<Message<Object>> recordLetters(EventBatches batches, CaseLetters letters) {
        return poll -> batches.consume(poll, "consume recordLetters",
                events -> letters.recordAll(events.stream().map(ConsumedEvent::payload).toList()),
                event -> letters.recordAll(List.of(event.payload())));
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
