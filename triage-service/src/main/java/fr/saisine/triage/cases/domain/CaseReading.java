package fr.saisine.triage.cases.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import fr.saisine.platform.access.CaseAccess;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.routing.TriageProperties;
import fr.saisine.triage.views.domain.CaseViews;
import fr.saisine.triage.views.domain.ViewPage;

/**
 * Staff reads of cases, each behind the sector rule and recorded in the audit trail before the
 * case leaves: one case (from the store, by {@code _id}), a sector's queue, the queues of all the
 * reader's sectors, their counts, a search (from the staff views held in memory, {@link CaseViews}).
 */
@Service
public class CaseReading {

    private final Cases cases;
    private final CaseAccess access;
    private final TriageProperties triage;
    private final CaseViews views;

    CaseReading(Cases cases, CaseAccess access, TriageProperties triage, CaseViews views) {
        this.cases = cases;
        this.views = views;
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
        if (triagedCase.relatedKey() == null) {
            return List.of(); // an anonymised case about an individual keeps no key naming them
        }
        return views.related(triagedCase.relatedKey(), limit + 1).stream()
                .filter(r -> !r.equals(triagedCase.reference())).limit(limit).toList();
    }

    /** A page of one configured sector's queue: the cases {@code filter} lists, oldest first. */
    public SectorQueue queue(StaffMember staff, String sector, QueueFilter filter, int page, int size) {
        access.checkSector(staff, sector);
        SectorQueue queue = queueOf(staff, sector, filter, page, size);
        access.recordView(staff, queue.references());
        return queue;
    }

    /**
     * The first page of each of some of the reader's sectors' queues, the dashboard's; one audit
     * entry naming every case shown.
     *
     * @throws fr.saisine.platform.access.AccessRefusedException when one of the sectors is not the reader's
     */
    public List<SectorQueue> queues(StaffMember staff, List<String> sectors, QueueFilter filter, int size) {
        sectors.forEach(sector -> access.checkSector(staff, sector));
        List<SectorQueue> queues = sectors.stream().map(sector -> queueOf(staff, sector, filter, 0, size)).toList();
        access.recordView(staff, queues.stream().flatMap(q -> q.references().stream()).toList());
        return queues;
    }

    /** Each of the reader's sectors, its cases counted by status: no personal data, so no audit entry. */
    public List<SectorCounts> counts(StaffMember staff) {
        access.checkWorksCases(staff);
        return triage.sectors().keySet().stream().filter(staff::worksIn).map(this::countsOf).toList();
    }

    /**
     * A page of the cases of the reader's sectors whose reference starts with {@code text}, or whose
     * complainant or organisation contains it (accents and case ignored), newest first; one audit
     * entry naming every case shown.
     */
    public ViewPage search(StaffMember staff, String text, int page, int size) {
        access.checkWorksCases(staff);
        Set<String> sectors = triage.sectors().keySet().stream().filter(staff::worksIn).collect(Collectors.toSet());
        ViewPage found = views.search(sectors, text, page, size);
        access.recordView(staff, found.references());
        return found;
    }

    private SectorQueue queueOf(StaffMember staff, String sector, QueueFilter filter, int page, int size) {
        return new SectorQueue(sector, triage.sectors().get(sector), countsOf(sector).open(),
                views.queue(sector, filter.statuses(), c -> filter.matches(c, staff), page, size));
    }

    private SectorCounts countsOf(String sector) {
        Map<String, Long> held = views.counts(sector);
        Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
        long open = 0;
        for (CaseStatus status : CaseStatus.values()) {
            long count = held.getOrDefault(status.name(), 0L);
            byStatus.put(status, count);
            open += status == CaseStatus.CLOSED ? 0 : count;
        }
        return new SectorCounts(sector, triage.sectors().get(sector), byStatus, open);
    }
}
