package fr.saisine.platform.access;

/** The audit record could not be written, so the data is not served: no record, no data (503). */
public class AuditUnavailableException extends RuntimeException {

    AuditUnavailableException(Throwable cause) {
        super("the access could not be recorded in the audit trail, so nothing is served; retry later", cause);
    }
}
