package fr.saisine.intake.followup.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.Residence;
import fr.saisine.intake.complaint.domain.ComplaintRecords;
import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.platform.appeal.AppealDeadline;
import fr.saisine.platform.followup.FollowUpTokens;

/**
 * Opens a follow-up link: the token is hashed and looked up by {@code _id}; a wrong token, one never
 * issued and one whose link has expired are all "not found". A link stays valid until the last day
 * to appeal the closure has passed (reckoned from the day of closure, as the closing letter does).
 */
@Service
public class FollowUpReading {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final FollowUpRecords records;
    private final ComplaintRecords complaints;
    private final ComplainantRequests requests;
    private final Clock clock;

    FollowUpReading(FollowUpRecords records, ComplaintRecords complaints, ComplainantRequests requests, Clock clock) {
        this.records = records;
        this.complaints = complaints;
        this.requests = requests;
        this.clock = clock;
    }

    /**
     * @throws FollowUpNotFoundException when the token opens nothing
     * @throws FollowUpErasedException when it was the link of a complaint since erased
     */
    public FollowUp open(String token) {
        if (!FollowUpTokens.isWellFormed(token)) {
            throw new FollowUpNotFoundException();
        }
        String hash = FollowUpTokens.hash(token);
        IssuedLink link = records.link(hash).orElseThrow(() -> records.linkErased(hash)
                ? new FollowUpErasedException() : new FollowUpNotFoundException());
        Reference reference = new Reference(link.reference());
        ComplaintSubmitted complaint = complaints.find(reference).orElseThrow(() -> complaints.erased(reference).isPresent()
                ? new FollowUpErasedException() : new FollowUpNotFoundException());
        FollowUpCase followUpCase = records.caseOf(link.reference()).map(c -> c.filedAt(complaint.submittedAt()))
                .orElseGet(() -> FollowUpCase.filed(link.reference(), complaint.submittedAt()));
        LocalDate validUntil = followUpCase.isClosed()
                ? AppealDeadline.lastDay(LocalDate.ofInstant(followUpCase.statusAt(), FRANCE), residence(complaint))
                : null;
        if (validUntil != null && LocalDate.now(clock.withZone(FRANCE)).isAfter(validUntil)) {
            throw new FollowUpNotFoundException();
        }
        var letters = records.letters(link.reference()).stream()
                .filter(l -> l.recipient().equalsIgnoreCase(link.recipient())).toList();
        return new FollowUp(link, followUpCase, letters, validUntil,
                followUpCase.awaitsAnswer() && requests.exists(ComplainantActions.answerId(followUpCase)),
                requests.exists(ComplainantActions.withdrawalId(followUpCase)));
    }

    private static Residence residence(ComplaintSubmitted complaint) {
        return complaint.complainant() == null ? null : complaint.complainant().residence();
    }
}
