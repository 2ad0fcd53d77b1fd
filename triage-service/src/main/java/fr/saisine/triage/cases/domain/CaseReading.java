package fr.saisine.triage.cases.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import fr.saisine.platform.access.CaseAccess;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.routing.TriageProperties;

/**
 * Staff reads of cases, each behind the sector rule and recorded in the audit trail before the
 * case leaves: one case, one sector's queue, or the queues of all the reader's sectors.
 */
@Service
public class CaseReading {

    private final Cases cases;
    private final CaseAccess access;
    private final TriageProperties triage;

    CaseReading(Cases cases, CaseAccess access, TriageProperties triage) {
        this.cases = cases;
        this.access = access;
        this.triage = triage;
    }

    /** @throws fr.saisine.platform.access.AccessRefusedException when the case is not in the reader's sectors, or does not exist */
    public Case read(StaffMember staff, String reference) {
        Optional<Case> found = cases.find(reference);
        access.checkCase(staff, reference, found.map(c -> c.state().sector().code()));
        return found.orElseThrow();
    }

    public List<String> related(TriagedCase triagedCase, int limit) {
        return cases.related(triagedCase.relatedKey(), limit + 1).stream()
                .filter(r -> !r.equals(triagedCase.reference())).limit(limit).toList();
    }

    /** One configured sector's queue, oldest first. */
    public SectorQueue queue(StaffMember staff, String sector, int limit) {
        access.checkSector(staff, sector);
        SectorQueue queue = queueOf(sector, cases.openCountsBySector(), limit);
        access.recordView(staff, queue.references());
        return queue;
    }

    /** The queues of every sector the reader works in, in the configured order; one audit entry for all. */
    public List<SectorQueue> queues(StaffMember staff, int perSector) {
        Map<String, Long> counts = cases.openCountsBySector();
        List<SectorQueue> queues = triage.sectors().keySet().stream().filter(staff::worksIn)
                .map(sector -> queueOf(sector, counts, perSector)).toList();
        access.recordView(staff, queues.stream().flatMap(q -> q.references().stream()).toList());
        return queues;
    }

    private SectorQueue queueOf(String sector, Map<String, Long> counts, int limit) {
        return new SectorQueue(sector, triage.sectors().get(sector), counts.getOrDefault(sector, 0L),
                cases.openQueue(sector, limit));
    }
}
