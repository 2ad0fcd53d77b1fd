package fr.saisine.events;

import java.time.Instant;

/**
 * Staff moved a case to another sector's queue, saying why; the routing rule that first placed it
 * stays on the case beside this decision. The services that apply the sector rule follow it.
 */
public record CaseMovedToSector(
        String reference,
        long version,
        ComplaintTriaged.Sector from,
        ComplaintTriaged.Sector to,
        String reason,
        StaffActor actor,
        Instant occurredAt) implements Event {
}
