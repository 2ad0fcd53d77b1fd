package fr.saisine.triage.audit.domain;

import java.util.List;

import fr.saisine.events.AccessAudited;

/** The audit trail of every service, gathered here: append-only, nothing changes or removes a record. */
public interface AuditLog {

    /** Keeps the record; false when a redelivery brings one already kept. */
    boolean append(AccessAudited record);

    /** Records matching the search, newest first. */
    List<AccessAudited> search(AuditSearch search);
}
