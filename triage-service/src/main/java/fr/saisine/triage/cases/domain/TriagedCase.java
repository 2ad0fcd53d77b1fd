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
import fr.saisine.events.RespondentType;
import fr.saisine.events.StaffActor;

/**
 * A case as staff see it: where it was routed and why, where it stands, who works it, and its
 * history. Only {@link Case} makes a new one from an old one; nothing sets a field.
 * {@code complainantName} is null for cases stored before it was kept, {@code respondentType} for
 * cases stored before it was kept. {@code legalHolds} lists each hold set and lifted, the last one
 * saying whether the case is held now; {@code anonymisedAt} is set once its personal data is erased
 * at the end of its retention period ({@link #anonymised}), after which it no longer changes.
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
        String complainantName,
        RespondentType respondentType,
        List<LegalHoldChange> legalHolds,
        Instant anonymisedAt) {

    public TriagedCase {
        legalHolds = legalHolds == null ? List.of() : List.copyOf(legalHolds);
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
            String complainantName, RespondentType respondentType) {
        return new TriagedCase(reference, CaseStatus.TRIAGED, sector, matchedRule, routingReason, priority,
                priorityReason, subject, respondentName, category, submittedAt, relatedKey,
                List.of(StatusChange.automatic(CaseStatus.SUBMITTED, submittedAt),
                        StatusChange.automatic(CaseStatus.TRIAGED, triagedAt)),
                null, null, null, null, List.of(), List.of(), 0, attachments, complainantName, respondentType,
                List.of(), null);
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
        private List<LegalHoldChange> legalHolds;

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
            this.legalHolds = from.legalHolds;
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

        Changed legalHold(LegalHoldChange change) {
            this.legalHolds = append(legalHolds, change);
            return this;
        }

        TriagedCase build() {
            return new TriagedCase(from.reference, status, sector, from.matchedRule, from.routingReason, from.priority,
                    from.priorityReason, from.subject, from.respondentName, from.category, from.submittedAt,
                    from.relatedKey, history, assignee, outcome, referredTo, question, moves, notes, questionVersion,
                    from.attachments, from.complainantName, from.respondentType, legalHolds, from.anonymisedAt);
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

    /**
     * The case without what names or describes a person (docs/retention.md, "cases"): kept are the
     * reference, sector, routing rule and reasons (configured words, never the complaint's text),
     * priority, category, respondent type, the organisation's name when it is a legal person, the
     * dates, each status with its time and outcome, the sector moves' sectors and times, the notes'
     * and holds' times; erased are the subject, the complainant, the related key of an individual,
     * every actor (staff and complainant), notes' and moves' texts, questions, letters' paragraphs,
     * answers, withdrawal reasons, hold reasons, attachments and the assignee.
     */
    public TriagedCase anonymised(Instant at) {
        boolean legalPerson = respondentType != null && respondentType != RespondentType.INDIVIDUAL;
        return new TriagedCase(reference, status, sector, matchedRule, routingReason, priority, priorityReason, null,
                legalPerson ? respondentName : null, category, submittedAt, legalPerson ? relatedKey : null,
                history.stream().map(h -> new StatusChange(h.status(), h.at(), null, null, h.outcome(), h.referredTo(),
                        null, null, null, null, List.of())).toList(),
                null, outcome, referredTo, null,
                moves.stream().map(m -> new SectorMove(m.from(), m.to(), null, null, m.at())).toList(),
                notes.stream().map(n -> new Note(null, null, n.at())).toList(), questionVersion, List.of(), null,
                respondentType,
                legalHolds.stream().map(h -> new LegalHoldChange(h.held(), null, null, h.at())).toList(), at);
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    /** Whether a legal hold stands: set and not lifted since. */
    public boolean underLegalHold() {
        return !legalHolds.isEmpty() && legalHolds.getLast().held();
    }

    /** When the case was last closed; null while it never was. */
    public Instant lastClosedAt() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).status() == CaseStatus.CLOSED) {
                return history.get(i).at();
            }
        }
        return null;
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

    /**
     * A legal hold set ({@code held}) or lifted by a sector head, with the reason (an appeal is
     * pending): while it stands, the retention schedule leaves the case alone.
     */
    public record LegalHoldChange(boolean held, String reason, StaffActor actor, Instant at) {
    }

    /** An internal note: staff only, never shown or sent to the complainant. */
    public record Note(String text, StaffActor actor, Instant at) {
    }
}
