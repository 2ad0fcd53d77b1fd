package fr.saisine.triage.cases.web;

import java.time.Instant;
import java.util.List;

import fr.saisine.events.Category;
import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintTriaged.Sector;
import fr.saisine.events.Priority;
import fr.saisine.events.StaffActor;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseLetters;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.TriagedCase;

/** {@code GET /api/v1/cases/{reference}}: field names are a contract, add but never rename. */
record CaseView(
        String reference,
        long version,
        String status,
        String statusLabel,
        Sector sector,
        String matchedRule,
        String routingReason,
        Priority priority,
        String priorityReason,
        String subject,
        String respondent,
        Category category,
        Instant submittedAt,
        Person assignee,
        ClosureOutcome outcome,
        String referredTo,
        String question,
        List<Transition> allowedTransitions,
        List<String> related,
        List<HistoryEntry> history,
        List<Move> sectorMoves,
        List<NoteEntry> notes,
        List<CaseLetters.Letter> letters) {

    /** A member of staff as shown: the username and the display name, never the provider's subject. */
    record Person(String username, String name) {

        static Person of(StaffActor actor) {
            return actor == null ? null : new Person(actor.username(), actor.name());
        }
    }

    record Transition(String status, String label) {

        static Transition of(CaseStatus status) {
            return new Transition(status.name(), status.label());
        }
    }

    /** A status entered: when, by whom (null: the routing rules), and what went with it. */
    record HistoryEntry(String status, String label, Instant at, Person actor, String note, ClosureOutcome outcome,
            String referredTo, String question, String letter) {

        static HistoryEntry of(TriagedCase.StatusChange h) {
            return new HistoryEntry(h.status().name(), h.status().label(), h.at(), Person.of(h.actor()), h.note(),
                    h.outcome(), h.referredTo(), h.question(), h.letter());
        }
    }

    record Move(Sector from, Sector to, String reason, Person actor, Instant at) {
    }

    record NoteEntry(String text, Person author, Instant at) {
    }

    static CaseView of(Case current, List<String> related, List<CaseLetters.Letter> letters) {
        TriagedCase c = current.state();
        return new CaseView(c.reference(), current.version(), c.status().name(), c.status().label(), c.sector(),
                c.matchedRule(), c.routingReason(), c.priority(), c.priorityReason(), c.subject(), c.respondentName(),
                c.category(), c.submittedAt(), Person.of(c.assignee()), c.outcome(), c.referredTo(), c.question(),
                current.allowedTransitions().stream().map(Transition::of).toList(), related,
                c.history().stream().map(HistoryEntry::of).toList(),
                c.moves().stream().map(m -> new Move(m.from(), m.to(), m.reason(), Person.of(m.actor()), m.at())).toList(),
                c.notes().stream().map(n -> new NoteEntry(n.text(), Person.of(n.actor()), n.at())).toList(),
                letters);
    }
}
