package fr.saisine.platform.access;

import java.util.List;
import java.util.Optional;

import fr.saisine.events.AccessOutcome;
import fr.saisine.platform.security.StaffMember;

/**
 * The sector rule on personal data, with its audit record written before anything is served:
 * agents and sector heads read the cases currently in their sectors; nobody else reads any.
 */
public final class CaseAccess {

    private final AccessAudit audit;

    public CaseAccess(AccessAudit audit) {
        this.audit = audit;
    }

    /**
     * Lets {@code staff} read what concerns one case, now in {@code sector} (empty when this
     * service does not know the case: refused alike, so that a reference cannot be probed).
     *
     * @throws AccessRefusedException unless the staff member works in that sector
     * @throws References.MalformedReferenceException when {@code reference} is not one
     */
    public void checkCase(StaffMember staff, String reference, Optional<String> sector) {
        References.checked(reference);
        if (sector.isPresent() && staff.worksIn(sector.get())) {
            audit.record(staff, List.of(reference), AccessOutcome.ALLOWED, null);
            return;
        }
        audit.record(staff, List.of(reference), AccessOutcome.REFUSED, staff.worksCases()
                ? "the case is not in the staff member's sectors" : "the staff member's role reads no case");
        throw new AccessRefusedException("case " + reference);
    }

    /**
     * Lets {@code staff} see a sector's cases; the view itself is recorded by {@link #recordView}
     * with the references it shows.
     *
     * @throws AccessRefusedException unless the staff member works in that sector
     */
    public void checkSector(StaffMember staff, String sector) {
        if (!staff.worksIn(sector)) {
            audit.record(staff, List.of(), AccessOutcome.REFUSED, "sector " + sector + " is not the staff member's");
            throw new AccessRefusedException("sector " + sector);
        }
    }

    /**
     * Lets {@code staff} search or count the cases of their own sectors, whichever those are: an
     * AGENT or SECTOR_HEAD; anyone else is refused, and the refusal recorded.
     *
     * @throws AccessRefusedException when the staff member's role reads no case
     */
    public void checkWorksCases(StaffMember staff) {
        if (!staff.worksCases()) {
            audit.record(staff, List.of(), AccessOutcome.REFUSED, "the staff member's role reads no case");
            throw new AccessRefusedException("cases");
        }
    }

    /** Records one view of several cases (a queue, the dashboard): one entry, with every reference shown. */
    public void recordView(StaffMember staff, List<String> references) {
        audit.record(staff, references, AccessOutcome.ALLOWED, null);
    }
}
