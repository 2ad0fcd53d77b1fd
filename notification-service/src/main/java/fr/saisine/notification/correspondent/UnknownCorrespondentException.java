package fr.saisine.notification.correspondent;

/**
 * A letter is due for a complaint whose {@code ComplaintSubmitted} was never received. Retried,
 * then dead-lettered with this message: someone must look at why the first event is missing.
 */
public class UnknownCorrespondentException extends RuntimeException {

    public UnknownCorrespondentException(String reference) {
        super("no correspondent known for complaint " + reference + ": its ComplaintSubmitted was not received");
    }
}
