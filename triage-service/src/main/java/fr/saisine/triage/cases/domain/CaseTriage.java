package fr.saisine.triage.cases.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

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

    public void triage(ComplaintSubmitted complaint) {
        Instant now = clock.instant();
        Routing routing = router.route(complaint);
        String relatedKey = RelatedKey.of(complaint.respondent().name(), complaint.category());
        List<String> related = views.related(relatedKey, MAX_RELATED);
        var sector = new ComplaintTriaged.Sector(routing.sectorCode(), routing.sectorName());
        var triagedCase = TriagedCase.routed(complaint.reference(), sector, routing.matchedRule(), routing.reason(),
                routing.priority(), routing.priorityReason(), complaint.subject(), complaint.respondent().name(),
                complaint.category(), complaint.submittedAt(), relatedKey, now, complaint.attachments(),
                complaint.complainant() == null ? null : complaint.complainant().name());
        var triaged = new ComplaintTriaged(complaint.reference(), now, sector, routing.matchedRule(),
                routing.priority(), related);
        if (cases.add(triagedCase, EventEnvelope.wrap(triaged, now))) {
            log.info("complaint {} routed to {} by rule '{}' ({})", complaint.reference(), routing.sectorCode(),
                    routing.matchedRule(), routing.priority());
        }
        else {
            log.info("complaint {} already has a case: redelivery ignored", complaint.reference());
        }
    }
}
