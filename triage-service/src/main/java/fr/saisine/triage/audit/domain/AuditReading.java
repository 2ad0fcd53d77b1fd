package fr.saisine.triage.audit.domain;

import java.util.List;

import org.springframework.stereotype.Service;

import fr.saisine.events.AccessAudited;
import fr.saisine.events.AccessOutcome;
import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.security.StaffMember;

/** An auditor's search of the audit trail; the search is itself recorded, before the results leave. */
@Service
public class AuditReading {

    private final AuditLog log;
    private final AccessAudit audit;

    AuditReading(AuditLog log, AccessAudit audit) {
        this.log = log;
        this.audit = audit;
    }

    public List<AccessAudited> search(StaffMember auditor, AuditSearch search) {
        audit.record(auditor, search.reference() == null ? List.of() : List.of(search.reference()),
                AccessOutcome.ALLOWED, null);
        return log.search(search);
    }
}
