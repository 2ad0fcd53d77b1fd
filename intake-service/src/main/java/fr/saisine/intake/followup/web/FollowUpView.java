package fr.saisine.intake.followup.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.MessageKind;
import fr.saisine.intake.followup.domain.FollowUp;

/**
 * A complaint as its complainant follows it: never a note, never who at the authority did what.
 * Field names are a contract: add, never rename.
 */
record FollowUpView(
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[0-9]{8}$",
                description = "to be quoted in all correspondence") String reference,
        @Schema(requiredMode = RequiredMode.REQUIRED) ComplaintStatus status,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "the status in plain words") String statusLabel,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "since when") Instant statusAt,
        @Schema(description = "the authority's question, while the case awaits an answer") String question,
        @Schema(description = "how a closed case ended") ClosureOutcome outcome,
        @Schema(description = "the outcome in plain words") String outcomeLabel,
        @Schema(description = "a closed case: the last day this link opens it, the last day to appeal; "
                + "null while the case is open") LocalDate validUntil,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "the status changes, oldest first") List<Step> history,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "the letters sent to this link's holder, oldest first")
        List<Letter> letters,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "what the holder can do now: ANSWER "
                + "(POST …/answers), WITHDRAW (POST …/withdrawal)") List<FollowUp.Action> actions) {

    // named: FollowUpCase.Step, in the data subject's part, would take its place in the description
    @Schema(name = "FollowUpStep")
    record Step(@Schema(requiredMode = RequiredMode.REQUIRED) ComplaintStatus status,
            @Schema(requiredMode = RequiredMode.REQUIRED) String label,
            @Schema(requiredMode = RequiredMode.REQUIRED) Instant at,
            ClosureOutcome outcome) {
    }

    record Letter(@Schema(requiredMode = RequiredMode.REQUIRED) MessageKind kind,
            @Schema(requiredMode = RequiredMode.REQUIRED) String label,
            @Schema(requiredMode = RequiredMode.REQUIRED) String subject,
            @Schema(requiredMode = RequiredMode.REQUIRED) Instant sentAt) {
    }

    static FollowUpView of(FollowUp followUp, FollowUpLabels labels) {
        var c = followUp.followUpCase();
        return new FollowUpView(c.reference(), c.status(), labels.status(c.status()), c.statusAt(), c.question(),
                c.outcome(), labels.outcome(c.outcome()), followUp.validUntil(),
                c.history().stream().map(s -> new Step(s.status(), labels.status(s.status()), s.at(), s.outcome())).toList(),
                followUp.letters().stream().map(l -> new Letter(l.kind(), labels.letter(l.kind()), l.subject(), l.sentAt()))
                        .toList(),
                followUp.actions());
    }
}
