package fr.saisine.events;

import java.time.Instant;

/** A case was given to a member of staff ({@code assignee}), or taken back from them (null). */
public record CaseAssigned(
        String reference,
        long version,
        StaffActor assignee,
        StaffActor actor,
        ComplaintTriaged.Sector sector,
        Instant occurredAt) implements Event {
}
