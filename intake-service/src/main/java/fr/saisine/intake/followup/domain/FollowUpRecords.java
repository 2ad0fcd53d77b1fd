package fr.saisine.intake.followup.domain;

import java.util.List;
import java.util.Optional;

/**
 * The follow-up read model, every document read by {@code _id}: the links by the hash of their
 * token, the case and the letters by reference. Each is written by one consumer, in the order of
 * its topic's partition, so no two writers race on a document.
 */
public interface FollowUpRecords {

    /** @return false when the link was known already (a redelivery) */
    boolean addLink(IssuedLink link);

    Optional<IssuedLink> link(String tokenHash);

    /**
     * The case as stored: its filing step may have no time (the events do not carry it), which
     * {@link FollowUpCase#filedAt} takes from the complaint before anyone is shown the case.
     */
    Optional<FollowUpCase> caseOf(String reference);

    /** Stores the case unless one is stored under its reference: false then. */
    boolean addCase(FollowUpCase followUpCase);

    void saveCase(FollowUpCase followUpCase);

    /** Adds the letter unless it is there already. */
    void addLetter(String reference, SentLetter letter);

    List<SentLetter> letters(String reference);
}
