package fr.saisine.intake.followup.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The follow-up read model, every document read by {@code _id}: the links by the hash of their
 * token, the case and the letters by reference. Each is written by one consumer, in the order of
 * its topic's partition, so no two writers race on a document.
 */
public interface FollowUpRecords {

    /** @return false when the link was known already (a redelivery) */
    default boolean addLink(IssuedLink link) {
        return addLinks(List.of(link)) == 1;
    }

    /** Stores these links, in one write: how many were not known already. */
    int addLinks(List<IssuedLink> links);

    /** The link, unless there is none or its complaint was erased ({@link #linkErased}). */
    Optional<IssuedLink> link(String tokenHash);

    /** The complaint's links still open to their holders (not those erased): for the DPO's answers. */
    List<IssuedLink> links(String reference);

    /** Whether this link was one of a complaint since erased: it opens nothing, and says why. */
    boolean linkErased(String tokenHash);

    /**
     * Erases what the follow-up of this complaint kept: its case, its letters, and its links, each
     * of these kept as a stub naming only the reference, so that it still says the file is gone.
     *
     * @return how many records of each kind were erased (kinds with none left out)
     */
    default Map<String, Long> erase(String reference, Instant erasedAt) {
        return eraseAll(List.of(reference), erasedAt).of(reference);
    }

    /** {@link #erase} of several complaints at once, a few commands for them all: the counts by complaint. */
    ErasedCounts eraseAll(Collection<String> references, Instant erasedAt);

    /**
     * The case as stored: its filing step may have no time (the events do not carry it), which
     * {@link FollowUpCase#filedAt} takes from the complaint before anyone is shown the case.
     */
    Optional<FollowUpCase> caseOf(String reference);

    /** {@link #caseOf} of several complaints, read at once: those that have a case. */
    Map<String, FollowUpCase> casesOf(Collection<String> references);

    /** Stores the case unless one is stored under its reference: false then. */
    default boolean addCase(FollowUpCase followUpCase) {
        return addCases(List.of(followUpCase)).isEmpty();
    }

    /** Stores each case unless one is stored under its reference, in one write: the references of those stored already. */
    Set<String> addCases(List<FollowUpCase> cases);

    void saveCase(FollowUpCase followUpCase);

    /** Adds the letter unless it is there already. */
    default void addLetter(String reference, SentLetter letter) {
        addLetters(Map.of(reference, List.of(letter)));
    }

    /** Adds the letters, by complaint, unless they are there already: one write for the complaints' first letters. */
    void addLetters(Map<String, List<SentLetter>> lettersByReference);

    List<SentLetter> letters(String reference);
}
