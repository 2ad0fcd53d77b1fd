package fr.saisine.platform.access;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

import fr.saisine.events.AccessOutcome;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.security.StaffClaims;
import fr.saisine.platform.security.StaffMember;

/**
 * Records a refusal made by the security chain itself (a role that may not use the endpoint or
 * page: an auditor asking for a case, an agent for the audit log), as the sector rule records
 * its own, then answers as {@code delegate} does. The references are those the path names.
 */
public final class AuditedAccessDeniedHandler implements AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(AuditedAccessDeniedHandler.class);
    private static final Pattern REFERENCE = Pattern.compile("(?<=/)\\d{8}(?=/|$)");

    private final AccessAudit audit;
    private final AccessDeniedHandler delegate;

    public AuditedAccessDeniedHandler(AccessAudit audit, AccessDeniedHandler delegate) {
        this.audit = audit;
        this.delegate = delegate;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        StaffMember staff = StaffClaims.of(SecurityContextHolder.getContext().getAuthentication());
        if (staff != null) {
            try {
                audit.record(staff, referencesIn(request.getRequestURI()), AccessOutcome.REFUSED,
                        "the role " + staff.sortedRoles() + " may not use this endpoint");
            }
            catch (AuditUnavailableException ex) {
                // refused all the same: nothing is served either way
                log.error("refusal of {} to {} not recorded: {}", staff.username(), LogSafe.path(request.getRequestURI()),
                        LogSafe.describe(ex.getCause() == null ? ex : ex.getCause()));
            }
        }
        delegate.handle(request, response, denied);
    }

    static List<String> referencesIn(String path) {
        Matcher matcher = REFERENCE.matcher(path);
        return matcher.results().map(m -> m.group()).distinct().toList();
    }
}
