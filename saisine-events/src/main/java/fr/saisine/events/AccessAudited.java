package fr.saisine.events;

import java.time.Instant;
import java.util.List;

/**
 * A staff member read, or was refused, personal data: the audit trail's one record. Published
 * on {@link Topics#AUDIT_EVENTS} as it is, without the complaint envelope, since one access may
 * concern several complaints (a queue) or none (the audit log itself); {@code auditId} makes a
 * redelivery recognisable. Written before the data leaves: no record, no data.
 */
public record AccessAudited(
        String auditId,
        Instant at,
        Actor actor,
        String service,
        String action,
        List<String> references,
        AccessOutcome outcome,
        String reason,
        String requestId) {

    /** Who, as the OpenID Connect provider named them, with the role and sectors the token gave. */
    public record Actor(String subject, String username, String name, List<String> roles, List<String> sectors) {
    }
}
