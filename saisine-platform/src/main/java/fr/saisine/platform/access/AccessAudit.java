package fr.saisine.platform.access;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

import fr.saisine.events.AccessAudited;
import fr.saisine.events.AccessOutcome;
import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.security.RequestIdFilter;
import fr.saisine.platform.security.StaffMember;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the audit record of an access to personal data, allowed or refused, to the audit topic
 * and waits for the broker's acknowledgement: the caller serves the data only once this returns.
 * The action is the request's method and matched pattern ({@code GET /api/v1/cases/{reference}}).
 */
public final class AccessAudit {

    /** The output binding of audit-events, declared in each service's application.yml. */
    public static final String BINDING = "auditEvents-out-0";

    private final EventPublisher publisher;
    private final JsonMapper json;
    private final String service;
    private final Clock clock;

    public AccessAudit(EventPublisher publisher, JsonMapper json, String service, Clock clock) {
        this.publisher = publisher;
        this.json = json;
        this.service = service;
        this.clock = clock;
    }

    /** @throws AuditUnavailableException when the record could not be written: serve nothing */
    public void record(StaffMember staff, List<String> references, AccessOutcome outcome, String reason) {
        HttpServletRequest request = currentRequest();
        var actor = new AccessAudited.Actor(staff.subject(), staff.username(), staff.displayName(),
                staff.sortedRoles(), staff.sortedSectors());
        var record = new AccessAudited(UUID.randomUUID().toString(), clock.instant(), actor, service,
                action(request), List.copyOf(references), outcome, reason, RequestIdFilter.current(request));
        try {
            publisher.publish(BINDING, String.valueOf(staff.subject()), "AccessAudited", json.writeValueAsString(record));
        }
        catch (RuntimeException ex) {
            throw new AuditUnavailableException(ex);
        }
    }

    private static String action(HttpServletRequest request) {
        if (request == null) {
            return "(outside a request)";
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (pattern == null ? request.getRequestURI() : pattern);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
