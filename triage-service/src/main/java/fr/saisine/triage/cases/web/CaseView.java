package fr.saisine.triage.cases.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import fr.saisine.events.Category;
import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.events.ComplaintTriaged.Sector;
import fr.saisine.events.Priority;
import fr.saisine.events.RespondentType;
import fr.saisine.events.StaffActor;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseLetters;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.TriagedCase;

/** {@code GET /api/v1/cases/{reference}}: field names are a contract, add but never rename. */
@Schema(name = "Case", description = "A case as staff see it; a field with nothing to say is null")
record CaseView(
        @Schema(requiredMode = REQUIRED) String reference,
        @Schema(requiredMode = REQUIRED, description = "the version changes are made on; also the ETag") long version,
        @Schema(requiredMode = REQUIRED) String status,
        @Schema(requiredMode = REQUIRED) String statusLabel,
        @Schema(requiredMode = REQUIRED) Sector sector,
        String matchedRule,
        String routingReason,
        @Schema(requiredMode = REQUIRED) Priority priority,
        String priorityReason,
        @Schema(description = "null once the case is anonymised") String subject,
        @Schema(description = "the organisation complained about; once the case is anonymised, kept only for a legal "
                + "person (not an INDIVIDUAL)") String respondent,
        @Schema(requiredMode = REQUIRED) Category category,
        @Schema(requiredMode = REQUIRED) Instant submittedAt,
        Person assignee,
        ClosureOutcome outcome,
        String referredTo,
        String question,
        @Schema(requiredMode = REQUIRED) List<Transition> allowedTransitions,
        @Schema(requiredMode = REQUIRED, description = "the references of the complaints about the same organisation "
                + "and subject") List<String> related,
        @Schema(requiredMode = REQUIRED) List<HistoryEntry> history,
        @Schema(requiredMode = REQUIRED) List<Move> sectorMoves,
        @Schema(requiredMode = REQUIRED) List<NoteEntry> notes,
        @Schema(requiredMode = REQUIRED) List<CaseLetters.Letter> letters,
        @Schema(requiredMode = REQUIRED, description = "the files sent with the complaint, downloaded from "
                + "intake-service: GET /api/v1/complaints/{reference}/attachments/{id}") List<Attachment> attachments,
        @Schema(description = "the kind of organisation complained about (null for cases stored before it was kept)")
        RespondentType respondentType,
        @Schema(requiredMode = REQUIRED, description = "whether a legal hold stands: the retention schedule leaves "
                + "the case alone until it is lifted") boolean underLegalHold,
        @Schema(requiredMode = REQUIRED, description = "each legal hold set or lifted, oldest first")
        List<LegalHoldEntry> legalHolds,
        @Schema(description = "when the case's personal data was erased at the end of its retention period "
                + "(docs/retention.md): the fields naming or describing a person are then null or empty")
        Instant anonymisedAt) {

    /** A legal hold set ({@code held}) or lifted by a sector head, with the reason. */
    @Schema(name = "LegalHoldEntry")
    record LegalHoldEntry(@Schema(requiredMode = REQUIRED) boolean held, String reason, Person by,
            @Schema(requiredMode = REQUIRED) Instant at) {
    }

    /** A member of staff as shown: the username and the display name, never the provider's subject. */
    @Schema(name = "StaffPerson")
    record Person(@Schema(requiredMode = REQUIRED) String username, String name) {

        static Person of(StaffActor actor) {
            return actor == null ? null : new Person(actor.username(), actor.name());
        }
    }

    @Schema(name = "AllowedTransition")
    record Transition(@Schema(requiredMode = REQUIRED) String status,
            @Schema(requiredMode = REQUIRED) String label) {

        static Transition of(CaseStatus status) {
            return new Transition(status.name(), status.label());
        }
    }

    /**
     * A status entered: when, by whom (actor null: the routing rules, or the complainant, named in
     * {@code complainant}), and what went with it, the complainant's answer or reason included.
     */
    @Schema(name = "HistoryEntry")
    record HistoryEntry(@Schema(requiredMode = REQUIRED) String status,
            @Schema(requiredMode = REQUIRED) String label,
            @Schema(requiredMode = REQUIRED) Instant at,
            Person actor, String note,
            ClosureOutcome outcome, String referredTo, String question, String letter,
            @Schema(description = "the change was the complainant's, through their follow-up link: the name of "
                    + "the recipient who made it") String complainant,
            @Schema(description = "the complainant's answer to the question, which brought the case back under review")
            String answer,
            @Schema(description = "the complainant's reason for withdrawing, if they gave one") String withdrawalReason,
            @Schema(requiredMode = REQUIRED, description = "the files the complainant sent with the answer, downloaded "
                    + "like the complaint's") List<Attachment> attachments) {

        static HistoryEntry of(TriagedCase.StatusChange h) {
            boolean byComplainant = h.byComplainant();
            return new HistoryEntry(h.status().name(), h.status().label(), h.at(),
                    byComplainant ? null : Person.of(h.actor()), h.note(), h.outcome(), h.referredTo(), h.question(),
                    h.letter(), byComplainant ? h.actor().name() : null, h.answer(), h.withdrawalReason(),
                    h.attachments());
        }
    }

    @Schema(name = "SectorMove")
    record Move(@Schema(requiredMode = REQUIRED) Sector from,
            @Schema(requiredMode = REQUIRED) Sector to,
            String reason, Person actor,
            @Schema(requiredMode = REQUIRED) Instant at) {
    }

    @Schema(name = "Note")
    record NoteEntry(@Schema(requiredMode = REQUIRED) String text, Person author,
            @Schema(requiredMode = REQUIRED) Instant at) {
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
                letters, c.attachments(), c.respondentType(), c.underLegalHold(),
                c.legalHolds().stream().map(h -> new LegalHoldEntry(h.held(), h.reason(), Person.of(h.actor()), h.at()))
                        .toList(), c.anonymisedAt());
    }
}
