package fr.saisine.notification.message.messaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.saisine.events.CaseAssigned;
import fr.saisine.events.CaseMovedToSector;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.FollowUpLinkRequested;
import fr.saisine.notification.correspondent.Correspondent;
import fr.saisine.notification.correspondent.CorrespondentDirectory;
import fr.saisine.notification.message.domain.Acknowledgements;
import fr.saisine.notification.message.domain.CorrespondenceErasure;
import fr.saisine.notification.message.domain.Erasures;
import fr.saisine.notification.message.domain.FollowUpLinkLetters;
import fr.saisine.notification.message.domain.Messages.TracedLetter;
import fr.saisine.notification.message.domain.StatusLetters;
import fr.saisine.platform.access.CaseSectors;
import fr.saisine.platform.events.ConsumedEvent;
import fr.saisine.platform.events.EventBatches;
import fr.saisine.platform.tracing.EventTracing;

/**
 * What notification does with each complaint event: learns who to write to from each submission;
 * once a complaint is routed, learns its sector (whose staff may read its messages) and
 * acknowledges it; then writes at each change of status the complainant should know of, follows
 * the case when it moves to another sector, and mails a fresh follow-up link to whoever lost theirs.
 * <p>
 * A poll is handled in phases, each writing what its events have in common with one command per
 * collection: every submission, then every routing, then the rest one by one, in order. A
 * complaint's submission comes before anything else about it, and its routing before every change
 * of its case, so those keep their order; only a complainant's request for a fresh link, which
 * intake takes at any time, may come before the routing in the same poll and is then handled after
 * it: its letter leaves after the acknowledgement instead of before, each once. An erasure order
 * splits the poll: what comes before it is written first, the orders in a row are carried out
 * together, and an event of a complaint erased, before the poll or by an order earlier in it,
 * writes nothing.
 */
@Component
class ComplaintEventsHandler {

    private static final Logger log = LoggerFactory.getLogger(ComplaintEventsHandler.class);
    static final String SPAN = "consume notifyComplainant";

    private final CorrespondentDirectory directory;
    private final CaseSectors sectors;
    private final Acknowledgements acknowledgements;
    private final StatusLetters statusLetters;
    private final FollowUpLinkLetters followUpLinkLetters;
    private final EventBatches batches;
    private final EventTracing tracing;
    private final Erasures erasures;
    private final CorrespondenceErasure erasure;

    ComplaintEventsHandler(CorrespondentDirectory directory, CaseSectors sectors, Acknowledgements acknowledgements,
            StatusLetters statusLetters, FollowUpLinkLetters followUpLinkLetters, EventBatches batches,
            EventTracing tracing, Erasures erasures, CorrespondenceErasure erasure) {
        this.erasures = erasures;
        this.erasure = erasure;
        this.directory = directory;
        this.sectors = sectors;
        this.acknowledgements = acknowledgements;
        this.statusLetters = statusLetters;
        this.followUpLinkLetters = followUpLinkLetters;
        this.batches = batches;
        this.tracing = tracing;
    }

    /**
     * Handles a poll in order, in segments: the events up to the first erasure order as above, then
     * the orders in a row together (CorrespondenceErasure), then the events after them, and so on.
     * Which complaints are erased is read once for the poll, and learnt from its orders.
     */
    void together(List<ConsumedEvent> events) {
        Set<String> erased = new HashSet<>(erasures.erasedAmong(events.stream().map(ConsumedEvent::reference)
                .distinct().toList()));
        for (EventBatches.Segment segment : EventBatches.segments(events, ErasureOrdered.class)) {
            write(segment.others(), erased);
            if (!segment.orders().isEmpty()) {
                erasure.eraseAll(segment.orders().stream().map(event -> new CorrespondenceErasure.Order(
                        (ErasureOrdered) event.payload(), event.envelope().eventId().toString(), event.traceparent()))
                        .toList());
                segment.orders().forEach(event -> erased.add(event.reference()));
            }
        }
    }

    /** A poll that could not be handled together, one event at a time: the same path, for a poll of one. */
    void alone(ConsumedEvent event) {
        together(List.of(event));
    }

    /**
     * Writes what these events (no erasure order among them) call for: every submission, then every
     * routing, then the rest one by one. An event of a complaint erased already writes nothing: a
     * redelivered submission or routing must not bring its correspondents back, nor a letter leave
     * for them.
     */
    private void write(List<ConsumedEvent> events, Set<String> erased) {
        List<ConsumedEvent> live = new ArrayList<>();
        for (ConsumedEvent event : events) {
            if (erased.contains(event.reference())) {
                log.info("{} of {}, erased: nothing written", event.envelope().type(), event.reference());
            }
            else {
                live.add(event);
            }
        }
        directory.rememberAll(EventBatches.payloads(live, ComplaintSubmitted.class));
        acknowledge(EventBatches.ofType(live, ComplaintTriaged.class));
        batches.each(EventBatches.allBut(live, ComplaintSubmitted.class, ComplaintTriaged.class), SPAN, this::one);
    }

    /**
     * Each complaint's letters are written in its own trace, which their sending continues; their
     * correspondents are read at once, and all are queued at once.
     */
    private void acknowledge(List<ConsumedEvent> routed) {
        if (routed.isEmpty()) {
            return;
        }
        List<ComplaintTriaged> triaged = routed.stream().map(event -> (ComplaintTriaged) event.payload()).toList();
        sectors.rememberAll(triaged);
        Map<String, Correspondent> correspondents = directory.findAll(
                triaged.stream().map(ComplaintTriaged::reference).toList());
        List<TracedLetter> letters = new ArrayList<>();
        batches.each(routed, SPAN, event -> {
            ComplaintTriaged each = (ComplaintTriaged) event.payload();
            acknowledgements.write(each, Optional.ofNullable(correspondents.get(each.reference())))
                    .forEach(letter -> letters.add(new TracedLetter(letter, tracing.current())));
        });
        acknowledgements.queueAll(triaged, letters);
    }

    /** An event after which no other of the poll needs to be written first (neither a submission nor a routing). */
    private void one(ConsumedEvent event) {
        switch (event.payload()) {
            case ComplaintStatusChanged change -> statusLetters.statusChanged(change);
            case FollowUpLinkRequested request -> followUpLinkLetters.requested(request);
            case CaseMovedToSector move -> {
                sectors.moved(move);
                statusLetters.moved(move);
            }
            case CaseAssigned assignment -> statusLetters.assigned(assignment);
            default -> {
                // another service's event: no letter
            }
        }
    }
}
