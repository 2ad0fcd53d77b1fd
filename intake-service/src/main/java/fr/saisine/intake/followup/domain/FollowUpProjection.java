package fr.saisine.intake.followup.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import fr.saisine.events.CaseAssigned;
import fr.saisine.events.CaseMovedToSector;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.FollowUpLinkIssued;
import fr.saisine.events.NotificationDelivered;

/**
 * Keeps the follow-up read model from the events: the case from complaint-events, the links and
 * the letters from notification-events. What the follow-up page shows comes from here, never from
 * asking triage or notification.
 */
@Service
public class FollowUpProjection {

    private final FollowUpRecords records;

    FollowUpProjection(FollowUpRecords records) {
        this.records = records;
    }

    /**
     * The case's first event here, but for a status change that overtook it: inserted, and only
     * when that finds one stored, read to see whether it is older.
     */
    public void triaged(ComplaintTriaged triaged) {
        triagedAll(List.of(triaged));
    }

    /** {@link #triaged} for several cases, inserted in one write. */
    public void triagedAll(List<ComplaintTriaged> routed) {
        List<FollowUpCase> cases = routed.stream().map(FollowUpCase::triaged).toList();
        Set<String> stored = records.addCases(cases);
        for (FollowUpCase followUpCase : cases) {
            if (stored.contains(followUpCase.reference())
                    && records.caseOf(followUpCase.reference()).filter(c -> c.version() >= 1).isEmpty()) {
                records.saveCase(followUpCase);
            }
        }
    }

    public void statusChanged(ComplaintStatusChanged change) {
        FollowUpCase known = records.caseOf(change.reference())
                .orElseGet(() -> FollowUpCase.filed(change.reference(), null));
        if (change.version() > known.version()) {
            records.saveCase(known.after(change));
        }
    }

    public void assigned(CaseAssigned assigned) {
        advance(assigned.reference(), assigned.version());
    }

    public void moved(CaseMovedToSector move) {
        advance(move.reference(), move.version());
    }

    public void linkIssued(FollowUpLinkIssued issued) {
        linksIssued(List.of(issued));
    }

    /** Stores the links, in one write. */
    public void linksIssued(List<FollowUpLinkIssued> issued) {
        records.addLinks(issued.stream().map(link -> new IssuedLink(link.tokenHash(), link.reference(),
                link.recipient(), link.recipientName(), link.issuedAt())).toList());
    }

    public void letterSent(NotificationDelivered delivered) {
        lettersSent(List.of(delivered));
    }

    /** Lists the letters under their complaints, in the order given: one write for the complaints' first letters. */
    public void lettersSent(List<NotificationDelivered> delivered) {
        Map<String, List<SentLetter>> byReference = new LinkedHashMap<>();
        for (NotificationDelivered letter : delivered) {
            byReference.computeIfAbsent(letter.reference(), reference -> new ArrayList<>()).add(new SentLetter(
                    letter.messageId(), letter.kind(), letter.recipient(), letter.subject(), letter.sentAt()));
        }
        records.addLetters(byReference);
    }

    private void advance(String reference, long version) {
        records.caseOf(reference).filter(c -> version > c.version()).ifPresent(c -> records.saveCase(c.at(version)));
    }
}
