package fr.saisine.intake.complaint.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Where submission keys are remembered, shared by every instance. Only the inserts decide
 * anything (they are unique on their id, and atomic on FerretDB as on MongoDB); the updates
 * have one writer, the request holding the key.
 */
public interface SubmissionKeys {

    /** @return false when the key is stored already (claimed, filed, or expired but not purged) */
    boolean insert(KeyClaim claim);

    Optional<KeyClaim> find(String id);

    /**
     * Claims the {@code attempt}-th takeover of a key: of the requests that try the same attempt,
     * exactly one gets true.
     */
    boolean insertTakeover(String id, int attempt, Instant at, Instant expiresAt);

    /** When the {@code attempt}-th takeover was claimed, if it was. */
    Optional<Instant> takeoverAt(String id, int attempt);

    /** Writes the claim of the takeover's winner over the key's document. */
    void replace(KeyClaim claim);

    /** The holder records the complaint it filed, for every later request with the key. */
    void complete(String id, SubmittedComplaint submitted);

    /** The holder gives the key up: filing failed, nothing was kept, the client may retry. */
    void delete(String id);

    /**
     * Deletes up to {@code limit} keys of this scope, and takeovers of them, first used before
     * {@code createdBefore} (which must be past their time to live: they answer nothing any more).
     *
     * @return how many were deleted
     */
    long purge(SubmissionKey.Scope scope, Instant createdBefore, int limit);
}
