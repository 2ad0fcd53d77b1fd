package fr.saisine.intake.followup.domain;

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
        FollowUpCase followUpCase = FollowUpCase.triaged(triaged);
        if (!records.addCase(followUpCase)
                && records.caseOf(triaged.reference()).filter(c -> c.version() >= 1).isEmpty()) {
            records.saveCase(followUpCase);
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
        records.addLink(new IssuedLink(issued.tokenHash(), issued.reference(), issued.recipient(),
                issued.recipientName(), issued.issuedAt()));
    }

    public void letterSent(NotificationDelivered delivered) {
        records.addLetter(delivered.reference(), new SentLetter(delivered.messageId(), delivered.kind(),
                delivered.recipient(), delivered.subject(), delivered.sentAt()));
    }

    private void advance(String reference, long version) {
        records.caseOf(reference).filter(c -> version > c.version()).ifPresent(c -> records.saveCase(c.at(version)));
    }
}
