package fr.saisine.triage.cases.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.cases.domain.CaseReading;
import fr.saisine.triage.cases.domain.SectorQueue;
import fr.saisine.triage.cases.domain.TriagedCase;
import fr.saisine.triage.routing.TriageProperties;

/** The staff API: a case, and a sector's queue, for those who work that sector. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseApiController {

    static final int MAX_QUEUE_PAGE = 500;
    static final int MAX_RELATED = 100;

    private final CaseReading reading;
    private final TriageProperties triage;

    CaseApiController(CaseReading reading, TriageProperties triage) {
        this.reading = reading;
        this.triage = triage;
    }

    @GetMapping("/cases/{reference}")
    CaseView caseOf(@PathVariable String reference, StaffMember staff) {
        TriagedCase found = reading.read(staff, reference);
        return CaseView.of(found, reading.related(found, MAX_RELATED));
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
