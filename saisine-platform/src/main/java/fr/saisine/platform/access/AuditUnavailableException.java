package fr.saisine.platform.access;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The audit record could not be written, so the data is not served: no record, no data (503). */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class AuditUnavailableException extends RuntimeException {

    AuditUnavailableException(Throwable cause) {
        super("the access could not be recorded in the audit trail, so nothing is served; retry later", cause);
    }
}
