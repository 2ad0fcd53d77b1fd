package fr.saisine.triage.cases.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.saisine.events.CaseSummary;
import fr.saisine.events.Category;
import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.events.ComplaintTriaged.Sector;
import fr.saisine.events.Priority;
import fr.saisine.events.StaffActor;

/**
 * A case as staff see it: where it was routed and why, where it stands, who works it, and its
 * history. Only {@link Case} makes a new one from an old one; nothing sets a field.
 * {@code complainantName} is null for cases stored before it was kept.
 */
public record TriagedCase(
        String reference,
        CaseStatus status,
        Sector sector,
        String matchedRule,
        String routingReason,
        Priority priority,
        String priorityReason,
        String subject,
        String respondentName,
        Category category,
        Instant submittedAt,
        String relatedKey,
        List<StatusChange> history,
        StaffActor assignee,
        ClosureOutcome outcome,
        String referredTo,
        String question,
        List<SectorMove> moves,
        List<Note> notes,
        long questionVersion,
        List<Attachment> attachments,
        String complainantName) {

    public TriagedCase {
        history = history == null ? List.of() : List.copyOf(history);
        // cases opened before attachments were kept, or complaints without any
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        moves = moves == null ? List.of() : List.copyOf(moves);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A newly routed case: submitted, then triaged, by the rules rather than a person. */
    static TriagedCase routed(String reference, Sector sector, String matchedRule, String routingReason,
            Priority priority, String priorityReason, String subject, String respondentName, Category category,
            Instant submittedAt, String relatedKey, Instant triagedAt, List<Attachment> attachments,
            String complainantName) {
        return new TriagedCase(reference, CaseStatus.TRIAGED, sector, matchedRule, routingReason, priority,
                priorityReason, subject, respondentName, category, submittedAt, relatedKey,
                List.of(StatusChange.automatic(CaseStatus.SUBMITTED, submittedAt),
                        StatusChange.automatic(CaseStatus.TRIAGED, triagedAt)),
                null, null, null, null, List.of(), List.of(), 0, attachments, complainantName);
    }

    /** A copy to change: the routing facts stay, what the lifecycle changes is set one by one. */
    Changed change() {
        return new Changed(this);
    }

    /** The state after a change, built from the one before; see {@link #change()}. */
    static final class Changed {

        private final TriagedCase from;
        private CaseStatus status;
        private Sector sector;
        private List<StatusChange> history;
        private StaffActor assignee;
        private ClosureOutcome outcome;
        private String referredTo;
        private String question;
        private List<SectorMove> moves;
        private List<Note> notes;
        private long questionVersion;

        private Changed(TriagedCase from) {
            this.from = from;
            this.status = from.status;
            this.sector = from.sector;
            this.history = from.history;
            this.assignee = from.assignee;
            this.outcome = from.outcome;
            this.referredTo = from.referredTo;
            this.question = from.question;
            this.moves = from.moves;
            this.notes = from.notes;
            this.questionVersion = from.questionVersion;
        }

        Changed status(CaseStatus status, StatusChange step, ClosureOutcome outcome, String referredTo,
                String question) {
            this.status = status;
            this.history = append(history, step);
            this.outcome = outcome;
            this.referredTo = referredTo;
            this.question = question;
            return this;
        }

        /** The version whose question the complainant's answer must name (0: none open). */
        Changed questionVersion(long version) {
            this.questionVersion = version;
            return this;
        }

        Changed assignee(StaffActor assignee) {
            this.assignee = assignee;
            return this;
        }

        Changed sector(SectorMove move) {
            this.sector = move.to();
            this.moves = append(moves, move);
            return this;
        }

        Changed note(Note note) {
            this.notes = append(notes, note);
            return this;
        }

        TriagedCase build() {
            return new TriagedCase(from.reference, status, sector, from.matchedRule, from.routingReason, from.priority,
                    from.priorityReason, from.subject, from.respondentName, from.category, from.submittedAt,
                    from.relatedKey, history, assignee, outcome, referredTo, question, moves, notes, questionVersion,
                    from.attachments, from.complainantName);
        }

        private static <T> List<T> append(List<T> list, T item) {
            List<T> longer = new ArrayList<>(list);
            longer.add(item);
            return longer;
        }
    }

    /**
     * What the staff views show of the case at {@code version}, stored at {@code at}: published
     * with every version, so that the views (case-views) always hold the latest.
     */
    public CaseSummary summary(long version, Instant at) {
        return new CaseSummary(reference, version, sector, status.name(), assignee, priority, category, submittedAt,
                subject, complainantName, respondentName, at, relatedKey);
    }

    public boolean isOpen() {
        return status != CaseStatus.CLOSED;
    }

    /** How many times the case has been closed: a complainant withdraws once per opening. */
    public int closures() {
        return (int) history.stream().filter(h -> h.status() == CaseStatus.CLOSED).count();
    }

    /**
     * One step of the history: the status entered, when, by whom (null for the routing rules; the
     * complainant, {@link StaffActor#complainant}, for their answer or withdrawal), the internal note,
     * and what went with it (the outcome, the question, the letter's paragraph, the complainant's
     * answer and the files sent with it, or reason for withdrawing).
     */
    public record StatusChange(CaseStatus status, Instant at, StaffActor actor, String note, ClosureOutcome outcome,
            String referredTo, String question, String letter, String answer, String withdrawalReason,
            List<Attachment> attachments) {

        public StatusChange {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        static StatusChange automatic(CaseStatus status, Instant at) {
            return new StatusChange(status, at, null, null, null, null, null, null, null, null, List.of());
        }

        public boolean byComplainant() {
            return actor != null && StaffActor.COMPLAINANT.equals(actor.subject());
        }
    }

    /** A move to another sector's queue, decided by a person, with the reason. */
    public record SectorMove(Sector from, Sector to, String reason, StaffActor actor, Instant at) {
    }

    /** An internal note: staff only, never shown or sent to the complainant. */
    public record Note(String text, StaffActor actor, Instant at) {
    }
}
