package fr.saisine.notification.message.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.ComplaintTriaged;

/**
 * For each case, when its complainant was last written to, and where the case stands: what the
 * GDPR art. 78(2) progress notice needs. Kept from complaint-events (the case's state, written by
 * the consumer alone) and from every letter queued (the clock, written by the consumer and by the
 * progress check).
 */
public interface CorrespondenceClock {

    /**
     * The case's state as this service last learned it; {@code version} orders what it learns.
     * {@code assignee} is the name of the member of staff who has the case, null when nobody has it.
     */
    record CaseState(String reference, long version, ComplaintStatus status, String sectorCode, String sectorName,
            String assignee, boolean closed) {

        public CaseState(String reference, long version, ComplaintStatus status, String sectorName, boolean closed) {
            this(reference, version, status, null, sectorName, null, closed);
        }
    }

    /** An open case's silence: when its complainant was last written to. */
    record Silence(String reference, Instant lastLetterAt) {
    }

    /**
     * The acknowledgements of these routed cases were queued: starts each case's clock and state,
     * unless a first delivery did.
     */
    void startedAll(List<ComplaintTriaged> routed, Instant letterAt);

    /**
     * The case changed status (or, {@code status} null, sector) at {@code version}; {@code letterAt}
     * is when the letter it brought was queued, null when it brought none. Only a change newer than
     * the one known is applied, so a redelivery changes nothing. A case that changes sector is
     * nobody's in its new sector yet: its assignee is forgotten, as triage does.
     */
    void changed(String reference, long version, ComplaintStatus status, String sectorCode, String sectorName,
            Instant letterAt);

    /**
     * The case was given to {@code assignee} (a name), or taken back (null), at {@code version}; as
     * {@link #changed}, only when newer than what is known.
     */
    void assigned(String reference, long version, String assignee);

    /** A progress notice was queued: the next silent period starts now. */
    void progressQueued(String reference, Instant letterAt);

    Optional<CaseState> state(String reference);

    Optional<Silence> silence(String reference);

    /** Open cases last written to before {@code cutoff}, at most {@code limit}. */
    List<Silence> silentSince(Instant cutoff, int limit);

    /** The clock believed an open case that its state says is closed: puts it right. */
    void closed(String reference);
}
