package fr.saisine.triage.cases.domain;

/**
 * The change was asked on a version of the case that is no longer the latest: someone changed
 * it since (412). The caller reloads and decides again; nothing is overwritten.
 */
public class StaleCaseException extends RuntimeException {

    private final long current;

    public StaleCaseException(String reference, long asked, long current) {
        super("case " + reference + " has changed since version " + asked + " (it is at version " + current
                + "): reload it and try again");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
