package fr.saisine.triage.datasubject.domain;

/**
 * A service's part of a data subject's request could not be had: nothing is answered, for an
 * answer without it would look complete and not be. {@code unreachable}: no answer at all (503);
 * otherwise the service answered with an error (502).
 */
public class PartUnavailableException extends RuntimeException {

    private final String service;
    private final boolean unreachable;

    public PartUnavailableException(String service, boolean unreachable, String detail) {
        super(service + "'s part of the request could not be had: " + detail);
        this.service = service;
        this.unreachable = unreachable;
    }

    public String service() {
        return service;
    }

    public boolean unreachable() {
        return unreachable;
    }
}
