package fr.saisine.triage.cases.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.triage.cases.domain.CaseNotFoundException;
import fr.saisine.triage.cases.domain.Cases;
import fr.saisine.triage.cases.domain.TriagedCase;
import fr.saisine.triage.routing.TriageProperties;

/** The staff API: a case, and a sector's queue. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseApiController {

    static final int MAX_QUEUE_PAGE = 500;

    private final Cases cases;
    private final TriageProperties triage;

    CaseApiController(Cases cases, TriageProperties triage) {
        this.cases = cases;
        this.triage = triage;
    }

    @GetMapping("/cases/{reference}")
    CaseView caseOf(@PathVariable String reference) {
        TriagedCase found = cases.find(reference).orElseThrow(() -> new CaseNotFoundException(reference));
        List<String> related = cases.related(found.relatedKey(), 100).stream()
                .filter(r -> !r.equals(reference)).toList();
        return CaseView.of(found, related);
    }

    @GetMapping("/sectors/{code}/queue")
    QueueView queue(@PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
        String name = triage.sectors().get(code);
        if (name == null) {
            throw new UnknownSectorException(code, triage.sectors().keySet());
        }
        if (limit < 1 || limit > MAX_QUEUE_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_QUEUE_PAGE + ", not " + limit);
        }
        long open = cases.openCountsBySector().getOrDefault(code, 0L);
        return new QueueView(new QueueView.Sector(code, name), open,
                cases.openQueue(code, limit).stream().map(QueueView.Entry::of).toList());
    }
}
