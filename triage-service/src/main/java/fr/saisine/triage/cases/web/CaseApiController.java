package fr.saisine.triage.cases.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.cases.domain.CaseReading;
import fr.saisine.triage.cases.domain.SectorQueue;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.routing.TriageProperties;

/** The staff API's reads: a case (with its ETag, the version changes are made on), and a sector's queue. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseApiController {

    static final int MAX_QUEUE_PAGE = 500;

    private final CaseReading reading;
    private final CaseViews views;
    private final TriageProperties triage;

    CaseApiController(CaseReading reading, CaseViews views, TriageProperties triage) {
        this.reading = reading;
        this.views = views;
        this.triage = triage;
    }

    @GetMapping("/cases/{reference}")
    ResponseEntity<CaseView> caseOf(@PathVariable String reference, StaffMember staff) {
        Case found = reading.read(staff, reference);
        return ResponseEntity.ok().eTag(CaseETag.of(found.version())).body(views.of(found));
    }

    @GetMapping("/sectors/{code}/queue")
    QueueView queue(@PathVariable String code, @RequestParam(defaultValue = "100") int limit, StaffMember staff) {
        if (!triage.sectors().containsKey(code)) {
            throw new UnknownSectorException(code, triage.sectors().keySet());
        }
        if (limit < 1 || limit > MAX_QUEUE_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_QUEUE_PAGE + ", not " + limit);
        }
        SectorQueue queue = reading.queue(staff, code, limit);
        return new QueueView(new QueueView.Sector(queue.code(), queue.name()), queue.open(),
                queue.oldest().stream().map(QueueView.Entry::of).toList());
    }
}
