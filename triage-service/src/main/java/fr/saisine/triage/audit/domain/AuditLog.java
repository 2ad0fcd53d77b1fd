package fr.saisine.triage.audit.domain;

import java.time.Instant;
import java.util.List;

import fr.saisine.events.AccessAudited;

/**
 * The audit trail of every service, gathered here: append-only, nothing changes a record, and only
 * the retention schedule removes one, at the end of its period.
 */
public interface AuditLog {

    /** Keeps the record; false when a redelivery brings one already kept. */
    boolean append(AccessAudited record);

    /** Records matching the search, newest first. */
    List<AccessAudited> search(AuditSearch search);

    /** Deletes the records made before {@code cutoff} (saisine.retention.audit-log): how many. */
    long deleteOlderThan(Instant cutoff);
}
