package fr.saisine.intake.complaint.web;

import fr.saisine.intake.complaint.domain.Reference;

/** A reference taken from a URL: refused with a 400 unless it has the reference format. */
final class ReferenceParameter {

    private ReferenceParameter() {
    }

    static String checked(String reference) {
        if (!Reference.isWellFormed(reference)) {
            throw new MalformedReferenceException(reference);
        }
        return reference;
    }

    static class MalformedReferenceException extends RuntimeException {

        MalformedReferenceException(String reference) {
            super("'" + reference + "' is not a reference: a reference is 8 digits, such as 26000001");
        }
    }
}
