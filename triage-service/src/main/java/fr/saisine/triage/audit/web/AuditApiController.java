package fr.saisine.triage.audit.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.events.AccessAudited;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.audit.domain.AuditReading;
import fr.saisine.triage.audit.domain.AuditSearch;

/** {@code GET /api/v1/audit}: the audit trail for auditors, by reference and/or actor, newest first. */
@RestController
class AuditApiController {

    private final AuditReading reading;

    AuditApiController(AuditReading reading) {
        this.reading = reading;
    }

    /** Field names are a contract: add, never rename. */
    record AuditPage(String reference, String actor, int page, int size, List<AccessAudited> records) {
    }

    @GetMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditPage audit(@RequestParam(required = false) String reference, @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            StaffMember auditor) {
        AuditSearch search = new AuditSearch(reference, actor, page, size);
        return new AuditPage(search.reference(), search.actor(), page, size, reading.search(auditor, search));
    }
}
