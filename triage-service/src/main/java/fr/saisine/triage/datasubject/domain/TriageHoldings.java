package fr.saisine.triage.datasubject.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Component;

import fr.saisine.events.Category;
import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.MessageKind;
import fr.saisine.events.StaffActor;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseLetters;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.Cases;
import fr.saisine.triage.cases.domain.TriagedCase;

/**
 * Triage's own part of a data subject's request: for each complaint intake found, the case as
 * staff work it — where it stands, its sector, each step with its time and what it said (the
 * question asked, the complainant's answer, the notes made on the way), the internal notes with
 * their text (personal data about the case, GDPR art. 15), the legal holds, the letters to the
 * address. The staff who did each thing are shown by their initials only: their names are their
 * own personal data, and the person asked about the handling of their complaint, not about the
 * agents (a decision's signatory is named in the letter itself).
 */
@Component
public class TriageHoldings {

    private final Cases cases;
    private final CaseLetters letters;

    TriageHoldings(Cases cases, CaseLetters letters) {
        this.cases = cases;
        this.letters = letters;
    }

    public record Sector(String code, String name) {
    }

    /** @param by the initials of the staff member, "complainant", or null for the rules' own steps */
    public record Step(CaseStatus status, Instant at, String by, String note, ClosureOutcome outcome, String referredTo,
            String question, String answer, String withdrawalReason) {
    }

    // named in the API description: the case view's Note and CaseLetters.Letter would take their places
    @Schema(name = "HeldNote")
    public record Note(String text, String by, Instant at) {
    }

    public record Hold(boolean held, String reason, String by, Instant at) {
    }

    @Schema(name = "HeldLetter")
    public record Letter(MessageKind kind, String recipient, String subject, String status, Instant at) {
    }

    public record CaseHoldings(String reference, CaseStatus status, Sector sector, Category category,
            Instant submittedAt, String assignee, List<Step> history, List<Note> notes, List<Hold> legalHolds,
            List<Letter> letters, Instant anonymisedAt) {
    }

    public List<CaseHoldings> of(Collection<String> references, String address) {
        List<CaseHoldings> found = new ArrayList<>();
        for (String reference : references) {
            cases.find(reference).map(Case::state).ifPresent(c -> found.add(holdings(c, address)));
        }
        return found;
    }

    private CaseHoldings holdings(TriagedCase c, String address) {
        return new CaseHoldings(c.reference(), c.status(),
                c.sector() == null ? null : new Sector(c.sector().code(), c.sector().name()), c.category(),
                c.submittedAt(), initials(c.assignee()),
                c.history().stream().map(s -> new Step(s.status(), s.at(), initials(s.actor()), s.note(), s.outcome(),
                        s.referredTo(), s.question(), s.answer(), s.withdrawalReason())).toList(),
                c.notes().stream().map(n -> new Note(n.text(), initials(n.actor()), n.at())).toList(),
                c.legalHolds().stream().map(h -> new Hold(h.held(), h.reason(), initials(h.actor()), h.at())).toList(),
                letters.of(c.reference()).stream()
                        .filter(l -> l.recipient() != null && address.equalsIgnoreCase(l.recipient().strip()))
                        .map(l -> new Letter(l.kind(), l.recipient(), l.subject(), l.status(), l.at())).toList(),
                c.anonymisedAt());
    }

    /** "Claire Martin" → "C. M."; the complainant as such; nobody (the rules) as null. */
    static String initials(StaffActor actor) {
        if (actor == null) {
            return null;
        }
        if (StaffActor.COMPLAINANT.equals(actor.subject())) {
            return "complainant";
        }
        String name = actor.name() != null && !actor.name().isBlank() ? actor.name() : actor.username();
        if (name == null || name.isBlank()) {
            return "staff";
        }
        return Arrays.stream(name.strip().split("[\\s-]+")).filter(Objects::nonNull).filter(p -> !p.isEmpty())
                .map(p -> p.substring(0, 1).toUpperCase() + ".").collect(Collectors.joining(" "));
    }
}
