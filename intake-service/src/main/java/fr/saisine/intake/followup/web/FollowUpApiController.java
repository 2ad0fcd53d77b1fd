package fr.saisine.intake.followup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Encoding;
import jakarta.validation.Valid;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import fr.saisine.intake.attachment.domain.AttachmentScreening;
import fr.saisine.intake.attachment.domain.Upload;
import fr.saisine.intake.attachment.web.AttachmentProblemTypes;
import fr.saisine.intake.attachment.web.MultipartUploads;

import fr.saisine.intake.followup.domain.ComplainantActions;
import fr.saisine.intake.followup.domain.FollowUpReading;

/**
 * The complainant's follow-up, as JSON: what the page shows, the answer to the authority's question,
 * the withdrawal. The token in the path is the only key: no staff token opens it, and a wrong or
 * expired one is the same 404.
 */
@RestController
@RequestMapping(path = "/api/v1/follow-up/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
// the link's token is the key, no staff token: the description says so, security: [] on each operation
@SecurityRequirements
@Tag(name = "Follow-up", description = "The complainant following their complaint through their private link")
class FollowUpApiController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String TOKEN_PATTERN = "^[A-Za-z0-9_-]{43}$";
    private static final String TOKEN = "the token of the follow-up link: 43 characters (256 random bits, base64url)";

    private final FollowUpReading reading;
    private final ComplainantActions actions;
    private final FollowUpLabels labels;
    private final AttachmentScreening screening;

    FollowUpApiController(FollowUpReading reading, ComplainantActions actions, FollowUpLabels labels,
            AttachmentScreening screening) {
        this.reading = reading;
        this.actions = actions;
        this.labels = labels;
        this.screening = screening;
    }

    @Operation(summary = "Follow a complaint",
            description = "For the holder of the link sent in the acknowledgement (or mailed again on request): the "
                    + "reference, the status since when, the status changes, the letters sent to the holder and what "
                    + "they can do now. Never an internal note, never an agent's name. The link stays valid until the "
                    + "last day to appeal a closure.")
    @ApiResponse(responseCode = "200", description = "The complaint as its complainant follows it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FollowUpView.class),
                    examples = @ExampleObject(name = "question-open", value = FollowUpExamples.FOLLOW_UP)))
    @ApiResponse(responseCode = "404", description = "A wrong or expired link: the same answer for both",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "not-found", value = FollowUpExamples.NOT_FOUND)))
    @GetMapping
    FollowUpView followUp(@Parameter(description = TOKEN, schema = @Schema(type = "string", pattern = TOKEN_PATTERN),
            example = FollowUpExamples.TOKEN) @PathVariable String token) {
        return FollowUpView.of(reading.open(token), labels);
    }

    @Operation(summary = "Answer the authority's question",
            description = "While the case awaits an answer (INFORMATION_REQUESTED), once per question. The answer "
                    + "reaches the case, which goes back under review, and a letter confirms its receipt.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FollowUpRequests.Answer.class),
                    examples = @ExampleObject(name = "answer", value = FollowUpExamples.ANSWER))))
    @ApiResponse(responseCode = "202", description = "Received; the case goes back under review within moments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = FollowUpRequests.AnswerReceived.class),
                    examples = @ExampleObject(name = "received", value = FollowUpExamples.ANSWER_RECEIVED)))
    @ApiResponse(responseCode = "400", description = "No text, or one too long; or a body that cannot be read",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "invalid", value = FollowUpExamples.INVALID)))
    @ApiResponse(responseCode = "404", description = "A wrong or expired link", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
            examples = @ExampleObject(name = "not-found", value = FollowUpExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "The case no longer awaits an answer: no question is open, or "
            + "it has been answered", content = @Content(mediaType = PROBLEM_JSON,
                    schema = @Schema(ref = FollowUpProblemTypes.ANSWER_NOT_AWAITED_REF),
                    examples = @ExampleObject(name = "answer-not-awaited", value = FollowUpExamples.NOT_AWAITED)))
    @PostMapping(path = "/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FollowUpRequests.AnswerReceived> answer(@Parameter(description = TOKEN, schema = @Schema(type = "string", pattern = TOKEN_PATTERN),
            example = FollowUpExamples.TOKEN) @PathVariable String token,
            @Valid @RequestBody FollowUpRequests.Answer answer) {
        return received(token, answer, List.of());
    }

    @Operation(summary = "Answer the authority's question, with files",
            description = "The same as a plain answer, as multipart/form-data: an `answer` part (application/json, "
                    + "the same JSON) and up to 10 `attachments` parts, each checked before anything is kept, as for "
                    + "a complaint's: type detected from the content (PDF, JPEG, PNG, WebP, plain text, ODT, DOCX, "
                    + "EML) and agreeing with its name and declared type (415 otherwise), within the limits of number "
                    + "and size (413). Staff download them under the complaint's reference.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = FollowUpRequests.AnswerWithAttachments.class),
                    encoding = @Encoding(name = "answer", contentType = MediaType.APPLICATION_JSON_VALUE))))
    @ApiResponse(responseCode = "202", description = "Received with its files",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = FollowUpRequests.AnswerReceived.class),
                    examples = @ExampleObject(name = "received", value = FollowUpExamples.ANSWER_RECEIVED)))
    @ApiResponse(responseCode = "400", description = "No text, or one too long; a part that cannot be read, or no "
            + "answer part", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "invalid", value = FollowUpExamples.INVALID)))
    @ApiResponse(responseCode = "404", description = "A wrong or expired link", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
            examples = @ExampleObject(name = "not-found", value = FollowUpExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "The case no longer awaits an answer", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = FollowUpProblemTypes.ANSWER_NOT_AWAITED_REF),
            examples = @ExampleObject(name = "answer-not-awaited", value = FollowUpExamples.NOT_AWAITED)))
    @ApiResponse(responseCode = "413", description = "Too many files, a file too large, or too much in all; `limit` "
            + "names the setting, `file` the file", content = @Content(mediaType = PROBLEM_JSON,
                    schema = @Schema(ref = AttachmentProblemTypes.ATTACHMENT_PROBLEM_REF)))
    @ApiResponse(responseCode = "415", description = "A file whose content is not of an accepted type, or not what its "
            + "name or declared type says (`file` names it)", content = @Content(mediaType = PROBLEM_JSON,
                    schema = @Schema(ref = AttachmentProblemTypes.ATTACHMENT_PROBLEM_REF)))
    @PostMapping(path = "/answers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FollowUpRequests.AnswerReceived> answerWithAttachments(@Parameter(description = TOKEN,
            schema = @Schema(type = "string", pattern = TOKEN_PATTERN), example = FollowUpExamples.TOKEN)
            @PathVariable String token,
            @Valid @RequestPart("answer") FollowUpRequests.Answer answer,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> files) {
        return received(token, answer, MultipartUploads.of(files));
    }

    private ResponseEntity<FollowUpRequests.AnswerReceived> received(String token, FollowUpRequests.Answer answer,
            List<Upload> files) {
        var followUp = reading.open(token);
        var receivedAt = actions.answer(token, answer.text().strip(), screening.screen(files));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new FollowUpRequests.AnswerReceived(followUp.reference(), receivedAt));
    }

    @Operation(summary = "Withdraw the complaint",
            description = "The case is closed with the outcome WITHDRAWN, and a closing letter says so. Asking again "
                    + "changes nothing and says so (ALREADY_REQUESTED).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = FollowUpRequests.Withdrawal.class),
                    examples = @ExampleObject(name = "with-reason", value = "{\"reason\": \"La commune a retiré les caméras.\"}"))))
    @ApiResponse(responseCode = "202", description = "Withdrawal requested; the case is closed within moments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = FollowUpRequests.WithdrawalAnswer.class),
                    examples = @ExampleObject(name = "requested", value = FollowUpExamples.WITHDRAWAL)))
    @ApiResponse(responseCode = "200", description = "Already requested (or the case already closed as withdrawn): "
            + "nothing changed", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = FollowUpRequests.WithdrawalAnswer.class),
                    examples = @ExampleObject(name = "already", value = FollowUpExamples.ALREADY_WITHDRAWN)))
    @ApiResponse(responseCode = "404", description = "A wrong or expired link", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
            examples = @ExampleObject(name = "not-found", value = FollowUpExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "The authority has closed the case: nothing left to withdraw",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "case-closed", value = FollowUpExamples.CASE_CLOSED)))
    @PostMapping(path = "/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FollowUpRequests.WithdrawalAnswer> withdraw(@Parameter(description = TOKEN, schema = @Schema(type = "string", pattern = TOKEN_PATTERN),
            example = FollowUpExamples.TOKEN) @PathVariable String token,
            @Valid @RequestBody(required = false) FollowUpRequests.Withdrawal withdrawal) {
        var followUp = reading.open(token);
        String reason = withdrawal == null || withdrawal.reason() == null || withdrawal.reason().isBlank()
                ? null : withdrawal.reason().strip();
        var outcome = actions.withdraw(token, reason);
        return ResponseEntity.status(outcome == ComplainantActions.Withdrawal.REQUESTED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(new FollowUpRequests.WithdrawalAnswer(followUp.reference(), outcome));
    }
}
