package fr.saisine.triage.cases.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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

    /**
     * The open cases of some of the reader's sectors that pass {@code filter}, oldest first: each
     * sector's {@code scanned} oldest open cases, filtered in memory, at most {@code shown} kept;
     * one audit entry naming every case shown. A stop-gap for the dashboard's filters: scanning a
     * sector's open cases costs a collection scan on FerretDB, and the sector read models (the
     * performance issue) will replace it with a filtered read.
     *
     * @throws fr.saisine.platform.access.AccessRefusedException when one of the sectors is not the reader's
     */
    public List<SectorQueue> filteredQueues(StaffMember staff, List<String> sectors, int scanned, int shown,
            Predicate<TriagedCase> filter) {
        sectors.forEach(sector -> access.checkSector(staff, sector));
        Map<String, Long> counts = cases.openCountsBySector();
        List<SectorQueue> queues = sectors.stream().map(sector -> new SectorQueue(sector, triage.sectors().get(sector),
                counts.getOrDefault(sector, 0L),
                cases.openQueue(sector, scanned).stream().filter(filter).limit(shown).toList())).toList();
        access.recordView(staff, queues.stream().flatMap(q -> q.references().stream()).toList());
        return queues;
    }

    private SectorQueue queueOf(String sector, Map<String, Long> counts, int limit) {
        return new SectorQueue(sector, triage.sectors().get(sector), counts.getOrDefault(sector, 0L),
                cases.openQueue(sector, limit));
    }
}
