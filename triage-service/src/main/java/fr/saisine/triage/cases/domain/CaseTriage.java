package fr.saisine.triage.cases.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.EventEnvelope;
import fr.saisine.triage.routing.Router;
import fr.saisine.triage.routing.Routing;
import fr.saisine.triage.views.domain.CaseViews;

/** Opens the case of a newly submitted complaint in the queue its rules route it to. */
@Service
public class CaseTriage {

    private static final Logger log = LoggerFactory.getLogger(CaseTriage.class);
    static final int MAX_RELATED = 50;

    private final Router router;
    private final Cases cases;
    private final CaseViews views;
    private final Clock clock;

    CaseTriage(Router router, Cases cases, CaseViews views, Clock clock) {
        this.router = router;
        this.cases = cases;
        this.views = views;
        this.clock = clock;
    }

    /** A complaint routed: its case, ready to store with others. */
    public record Routed(ComplaintSubmitted complaint, Routing routing, String relatedKey, Cases.NewCase newCase) {
    }

    public void triage(ComplaintSubmitted complaint) {
        Routed routed = route(complaint, List.of());
        report(routed, storeAll(List.of(routed)).isEmpty());
    }

    /**
     * Routes a complaint and prepares its case, in the complaint's own work (its trace goes on with
     * the case's events); nothing is written.
     *
     * @param earlier the complaints routed before it and not stored yet (earlier in the same poll):
     *        they are not in the views yet, and may be related to it
     */
    public Routed route(ComplaintSubmitted complaint, List<Routed> earlier) {
        Instant now = clock.instant();
        Routing routing = router.route(complaint);
        String relatedKey = RelatedKey.of(complaint.respondent().name(), complaint.category());
        var sector = new ComplaintTriaged.Sector(routing.sectorCode(), routing.sectorName());
        var triagedCase = TriagedCase.routed(complaint.reference(), sector, routing.matchedRule(), routing.reason(),
                routing.priority(), routing.priorityReason(), complaint.subject(), complaint.respondent().name(),
                complaint.category(), complaint.submittedAt(), relatedKey, now, complaint.attachments(),
                complaint.complainant() == null ? null : complaint.complainant().name(),
                complaint.respondent().type());
        var triaged = new ComplaintTriaged(complaint.reference(), now, sector, routing.matchedRule(),
                routing.priority(), related(complaint.reference(), relatedKey, earlier));
        return new Routed(complaint, routing, relatedKey, cases.newCase(triagedCase, EventEnvelope.wrap(triaged, now)));
    }

    /**
     * Stores the cases of these routed complaints, in one write.
     *
     * @return the references that had a case already: redelivered events
     */
    public Set<String> storeAll(List<Routed> routed) {
        return cases.addAll(routed.stream().map(Routed::newCase).toList());
    }

    /** Says what became of a routed complaint; in its own work, for the log line to carry its trace. */
    public void report(Routed routed, boolean stored) {
        String reference = routed.complaint().reference();
        if (stored) {
            log.info("complaint {} routed to {} by rule '{}' ({})", reference, routed.routing().sectorCode(),
                    routed.routing().matchedRule(), routed.routing().priority());
        }
        else {
            log.info("complaint {} already has a case: redelivery ignored", reference);
        }
    }

    /** The oldest cases about the same organisation and subject: those in the views, and those routed just before. */
    private List<String> related(String reference, String relatedKey, List<Routed> earlier) {
        List<String> known = views.related(relatedKey, MAX_RELATED);
        List<String> alsoNew = earlier.stream().filter(other -> other.relatedKey().equals(relatedKey))
                .map(other -> other.complaint().reference()).filter(other -> !other.equals(reference)).toList();
        if (alsoNew.isEmpty()) {
            return known;
        }
        return Stream.concat(known.stream(), alsoNew.stream()).distinct().sorted().limit(MAX_RELATED).toList();
    }
}
