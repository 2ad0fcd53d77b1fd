package fr.saisine.intake.followup.messaging;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.saisine.events.CaseAssigned;
import fr.saisine.events.CaseMovedToSector;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.FollowUpLinkIssued;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.intake.complaint.domain.ComplaintRecords;
import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.intake.erasure.domain.ComplaintErasure;
import fr.saisine.intake.followup.domain.FollowUpProjection;
import fr.saisine.intake.followup.domain.FollowUpRecords;
import fr.saisine.platform.events.ConsumedEvent;
import fr.saisine.platform.events.EventBatches;

/**
 * Feeds the follow-up read model: the case's lifecycle from complaint-events ({@code followCases}),
 * the links minted and the letters sent from notification-events ({@code followLetters}). Each on a
 * group of its own, so that each document has one writer. Bindings are in application.yml.
 * <p>
 * {@code followCases} also carries out triage's erasure orders ({@link ComplaintErasure}): it is
 * the one writer of the case the erasure removes, and reads the lifecycle in the order of the
 * complaint's partition, so no earlier event of the complaint comes after its erasure. Nothing is
 * stored for a complaint erased already: a late or redelivered event must not bring back what the
 * erasure removed.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpConfiguration {

    /**
     * A poll at once: its routings inserted in one write, then the rest one by one, in order (a
     * case's routing comes before the rest of its lifecycle; see EventBatches for failures), its
     * erasure orders carried out together where no later event of their complaints comes between
     * ({@link EventBatches#segments}). The
     * complaints of the poll erased already are read at once, by {@code _id}.
     */
    @Bean
    Consumer<Message<Object>> followCases(EventBatches batches, FollowUpProjection projection,
            ComplaintRecords complaints, ComplaintErasure erasure) {
        String span = "consume followCases";
        Consumer<ConsumedEvent> lifecycle = event -> {
            switch (event.payload()) {
                case ComplaintTriaged triaged -> projection.triaged(triaged);
                case ComplaintStatusChanged change -> projection.statusChanged(change);
                case CaseAssigned assigned -> projection.assigned(assigned);
                case CaseMovedToSector move -> projection.moved(move);
                default -> {
                    // a filing, or a complainant's own request: nothing the page shows changes
                }
            }
        };
        Consumer<ConsumedEvent> alone = event -> {
            if (event.payload() instanceof ErasureOrdered order) {
                erasure.erase(order, event.envelope().eventId().toString());
            }
            else if (Reference.isWellFormed(event.reference())
                    && complaints.erasedAmong(List.of(event.reference())).isEmpty()) {
                lifecycle.accept(event);
            }
        };
        return poll -> batches.consume(poll, span, events -> {
            Set<String> erased = new HashSet<>(complaints.erasedAmong(
                    events.stream().map(ConsumedEvent::reference).filter(Reference::isWellFormed).distinct().toList()));
            projection.triagedAll(EventBatches.payloads(events, ComplaintTriaged.class).stream()
                    .filter(triaged -> !erased.contains(triaged.reference())).toList());
            for (EventBatches.Segment segment : EventBatches.segments(
                    EventBatches.allBut(events, ComplaintTriaged.class), ErasureOrdered.class)) {
                batches.each(segment.others().stream().filter(event -> !erased.contains(event.reference())).toList(),
                        span, lifecycle);
                if (!segment.orders().isEmpty()) {
                    erasure.eraseAll(segment.orders().stream().map(event -> new ComplaintErasure.Order(
                            (ErasureOrdered) event.payload(), event.envelope().eventId().toString())).toList());
                    segment.orders().forEach(event -> erased.add(event.reference()));
                }
            }
        }, alone);
    }

    /**
     * A poll at once: its links in one write, its letters in one write for the complaints' first
     * letters. Then the poll's complaints are looked up for a tombstone, after the writes: what was
     * written for a complaint erased meanwhile, or before (a late letter), is erased again at once.
     * Looking after rather than before is what leaves no gap with an erasure running alongside,
     * which erases these records once more after writing its tombstone (ComplaintErasure).
     */
    @Bean
    Consumer<Message<Object>> followLetters(EventBatches batches, FollowUpProjection projection,
            ComplaintRecords complaints, FollowUpRecords records, Clock clock) {
        Consumer<List<ConsumedEvent>> eraseLate = events -> complaints.erasedAmong(events.stream()
                .filter(e -> e.payload() instanceof FollowUpLinkIssued || e.payload() instanceof NotificationDelivered)
                .map(ConsumedEvent::reference).filter(Reference::isWellFormed).distinct().toList())
                .forEach(reference -> records.erase(reference, clock.instant()));
        return poll -> batches.consume(poll, "consume followLetters", events -> {
            projection.linksIssued(EventBatches.payloads(events, FollowUpLinkIssued.class));
            projection.lettersSent(EventBatches.payloads(events, NotificationDelivered.class));
            eraseLate.accept(events);
        }, event -> {
            switch (event.payload()) {
                case FollowUpLinkIssued issued -> projection.linkIssued(issued);
                case NotificationDelivered delivered -> projection.letterSent(delivered);
                default -> {
                    // a failed letter is not one the complainant received
                }
            }
            eraseLate.accept(List.of(event));
        });
    }
}
