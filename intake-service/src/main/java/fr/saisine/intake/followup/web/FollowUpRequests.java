package fr.saisine.intake.followup.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import fr.saisine.intake.followup.domain.ComplainantActions;

/** The bodies the follow-up API takes and answers. */
final class FollowUpRequests {

    static final int MAX_ANSWER = 5_000;
    static final int MAX_REASON = 2_000;

    private FollowUpRequests() {
    }

    /** The complainant's answer to the open question. */
    record Answer(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = MAX_ANSWER,
                    description = "the answer, in plain text")
            @NotBlank(message = "écrivez votre réponse")
            @Size(max = MAX_ANSWER, message = "votre réponse dépasse 5 000 caractères") String text) {
    }

    /** The answer with files, as multipart/form-data: for the API's description only. */
    record AnswerWithAttachments(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "the answer, as application/json")
            Answer answer,
            @ArraySchema(maxItems = 10, schema = @Schema(type = "string", format = "binary", description = "a file: "
                    + "PDF, JPEG, PNG, WebP, plain text, ODT, DOCX or e-mail (EML), as its content shows; 10MB at "
                    + "most, 30MB for all together (the defaults)")) List<byte[]> attachments) {
    }

    /** A withdrawal, with the complainant's reason if they give one. */
    record Withdrawal(
            @Schema(maxLength = MAX_REASON, description = "why the complainant withdraws, optional")
            @Size(max = MAX_REASON, message = "la raison dépasse 2 000 caractères") String reason) {
    }

    record AnswerReceived(
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[0-9]{8}$") String reference,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "when the answer was received") Instant receivedAt) {
    }

    record WithdrawalAnswer(
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[0-9]{8}$") String reference,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "REQUESTED now, or ALREADY_REQUESTED "
                    + "earlier: asking twice changes nothing") ComplainantActions.Withdrawal withdrawal) {
    }
}
