package fr.saisine.intake.complaint.domain;

/** What became of a request filed under a submission key. */
public sealed interface KeyedSubmission {

    /** This request filed the complaint. */
    record Filed(SubmittedComplaint complaint) implements KeyedSubmission {
    }

    /** An earlier request with the same key and content filed it: its answer again. */
    record Replayed(SubmittedComplaint complaint) implements KeyedSubmission {
    }

    /** An earlier request with the same key and content is still being filed. */
    record InFlight() implements KeyedSubmission {
    }

    /**
     * The key was used for a different request; {@code original} is what that one filed, or null
     * while it is still being filed.
     */
    record KeyReused(SubmittedComplaint original) implements KeyedSubmission {
    }
}
