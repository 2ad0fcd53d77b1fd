package fr.saisine.intake.complaint.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.intake.attachment.domain.AttachmentScreening;
import fr.saisine.intake.attachment.domain.Attachments;
import fr.saisine.intake.attachment.domain.ScreenedUpload;
import fr.saisine.intake.attachment.web.AttachmentDownload;
import fr.saisine.intake.attachment.web.AttachmentProblemTypes;
import fr.saisine.intake.attachment.web.MultipartUploads;
import fr.saisine.intake.complaint.domain.AttachedFiling;
import fr.saisine.intake.complaint.domain.ComplaintIntake;
import fr.saisine.intake.complaint.domain.KeyedIntake;
import fr.saisine.intake.complaint.domain.KeyedSubmission;
import fr.saisine.intake.complaint.domain.SubmissionKey;
import fr.saisine.intake.complaint.domain.SubmittedComplaint;
import fr.saisine.platform.openapi.StaffApi;
import fr.saisine.platform.security.StaffMember;

/**
 * The complaints API: file a complaint, once per {@code Idempotency-Key} when the client sends
 * one; read one back as filed.
 */
@RestController
@RequestMapping(path = "/api/v1/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Complaints", description = "Filing a complaint, and reading it back as filed")
class ComplaintApiController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";

    /** Quoted: springdoc reads a parameter's example as JSON, and a bare 26000001 is a number, not a reference. */
    private static final String REFERENCE_EXAMPLE = "\"26000001\"";

    /** Says that the answer is the one given to an earlier request with the same key (as Stripe does). */
    static final String REPLAYED = "Idempotent-Replayed";

    private final ComplaintIntake intake;
    private final KeyedIntake keyedIntake;
    private final RequestFingerprint fingerprint;
    private final ComplaintsReceived received;
    private final AttachmentScreening screening;
    private final AttachedFiling filing;
    private final Attachments attachments;

    ComplaintApiController(ComplaintIntake intake, KeyedIntake keyedIntake, RequestFingerprint fingerprint,
            ComplaintsReceived received, AttachmentScreening screening, AttachedFiling filing, Attachments attachments) {
        this.intake = intake;
        this.keyedIntake = keyedIntake;
        this.fingerprint = fingerprint;
        this.received = received;
        this.screening = screening;
        this.filing = filing;
        this.attachments = attachments;
    }

    @Operation(summary = "File a complaint",
            description = """
                    Anyone may file a complaint; no token is needed. The answer gives the reference at once, \
                    to be quoted in all correspondence; everyone the complaint names gets an acknowledgement \
                    by email. With an Idempotency-Key, a complaint sent again (after a time-out, a lost answer) \
                    is filed once: the same complaint under the same key gets the first answer again. \
                    With files: multipart/form-data, a `complaint` part (application/json, the same JSON) and up to \
                    10 `attachments` parts, each checked before anything is kept: its type is detected from its \
                    content (PDF, JPEG, PNG, WebP, plain text, ODT, DOCX, EML) and must agree with its name and \
                    declared type (415 otherwise), within the limits of number and size (413).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ComplaintRequest.class),
                    examples = {
                            @ExampleObject(name = "elected-group", summary = "An elected group and its two co-presidents",
                                    value = ComplaintExamples.ELECTED_GROUP),
                            @ExampleObject(name = "person", summary = "A person", value = ComplaintExamples.PERSON)})))
    @ApiResponse(responseCode = "201", description = "Filed (or, with Idempotent-Replayed, filed by an earlier request "
            + "with the same key and complaint)", headers = {
                    @Header(name = "Location", required = true, description = "the complaint, for staff",
                            schema = @Schema(type = "string", pattern = "^/api/v1/complaints/[0-9]{8}$")),
                    @Header(name = REPLAYED, description = "true when this is the answer to an earlier request with the "
                            + "same Idempotency-Key", schema = @Schema(type = "string", allowableValues = "true"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = FiledComplaint.class),
                    examples = @ExampleObject(name = "filed", value = ComplaintExamples.FILED)))
    @ApiResponse(responseCode = "400", description = "The complaint breaks a rule (one entry in errors per field), "
            + "the body cannot be read, or the Idempotency-Key is malformed", content = @Content(mediaType = PROBLEM_JSON,
                    schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "invalid-complaint", value = ComplaintExamples.INVALID)))
    @ApiResponse(responseCode = "401", description = "No token is needed, but one that is sent must be valid: "
            + "an expired or foreign bearer token is refused", headers = @Header(name = "WWW-Authenticate",
                    ref = "#/components/headers/WWW-Authenticate"), content = @Content(mediaType = PROBLEM_JSON,
                    schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "A request with the same Idempotency-Key and complaint is still "
            + "being filed; retry after Retry-After for its answer", headers = @Header(name = "Retry-After",
                    ref = "#/components/headers/Retry-After"), content = @Content(mediaType = PROBLEM_JSON,
                    schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "request-in-flight", value = ComplaintExamples.IN_FLIGHT)))
    @ApiResponse(responseCode = "413", description = "A body over saisine.intake.max-request-size (256KB by default)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "content-too-large", value = ComplaintExamples.TOO_LARGE)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key came earlier with another complaint; "
            + "nothing is filed", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "idempotency-key-reused", value = ComplaintExamples.KEY_REUSED)))
    // open to anyone: the description says so, security: [] (springdoc writes it for an empty @SecurityRequirements)
    @SecurityRequirements
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FiledComplaint> submit(@Valid @RequestBody ComplaintRequest request,
            @Parameter(description = "A key of the client's choosing, new for each complaint and the same for each "
                    + "try of it (a UUID, say): 1 to 255 printable ASCII characters, remembered 24 hours",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 255, pattern = "^[\\x20-\\x7E]+$"),
                    example = "7d0b3f0e-9a8c-4a4e-8f43-2c5d5f3a9b11")
            @RequestHeader(name = IdempotencyProblems.HEADER, required = false) String idempotencyKey) {
        if (idempotencyKey == null) {
            return created(received.byApi(intake.submit(request.toNewComplaint())), false);
        }
        var key = key(idempotencyKey);
        return answer(keyedIntake.submit(key, fingerprint.of(request), request.toNewComplaint()));
    }

    /**
     * The same, with files: every file is screened (number, sizes, type from the content) before
     * anything is stored, so a refused submission leaves nothing behind.
     */
    @Operation(summary = "File a complaint with attachments",
            description = """
                    The same as a plain submission, as multipart/form-data: a `complaint` part (application/json) \
                    and up to 10 `attachments` parts. Every file is checked before anything is kept: its type is \
                    detected from its content (PDF, JPEG, PNG, WebP, plain text, ODT, DOCX, EML), and must agree \
                    with its name and declared type. A refused submission keeps nothing.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ComplaintWithAttachments.class),
                    encoding = @Encoding(name = "complaint", contentType = MediaType.APPLICATION_JSON_VALUE))))
    @ApiResponse(responseCode = "201", description = "Filed (or, with Idempotent-Replayed, filed by an earlier request "
            + "with the same key, complaint and files)", headers = {
                    @Header(name = "Location", required = true, description = "the complaint, for staff",
                            schema = @Schema(type = "string", pattern = "^/api/v1/complaints/[0-9]{8}$")),
                    @Header(name = REPLAYED, description = "true when this is the answer to an earlier request with the "
                            + "same Idempotency-Key", schema = @Schema(type = "string", allowableValues = "true"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = FiledComplaint.class),
                    examples = @ExampleObject(name = "filed", value = ComplaintExamples.FILED)))
    @ApiResponse(responseCode = "400", description = "The complaint breaks a rule, a part cannot be read, the "
            + "complaint part is missing, or the Idempotency-Key is malformed", content = @Content(
                    mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "invalid-complaint", value = ComplaintExamples.INVALID)))
    @ApiResponse(responseCode = "409", description = "A request with the same Idempotency-Key and content is still "
            + "being filed", headers = @Header(name = "Retry-After", ref = "#/components/headers/Retry-After"),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "request-in-flight", value = ComplaintExamples.IN_FLIGHT)))
    @ApiResponse(responseCode = "413", description = "Too many files, a file too large, or too much in all; `limit` "
            + "names the setting (max-files, max-file-size, max-total-size, max-request-size), `file` the file",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = AttachmentProblemTypes.ATTACHMENT_PROBLEM_REF),
                    examples = @ExampleObject(name = "attachment-too-large", value = ComplaintExamples.ATTACHMENT_TOO_LARGE)))
    @ApiResponse(responseCode = "415", description = "A file whose content is not of an accepted type, or not what its "
            + "name or declared type says (`file` names it); or a complaint part that is not application/json",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = AttachmentProblemTypes.ATTACHMENT_PROBLEM_REF),
                    examples = @ExampleObject(name = "unsupported-attachment", value = ComplaintExamples.UNSUPPORTED_ATTACHMENT)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key came earlier with another complaint or "
            + "other files; nothing is filed", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "idempotency-key-reused", value = ComplaintExamples.KEY_REUSED)))
    @SecurityRequirements
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FiledComplaint> submitWithAttachments(@Valid @RequestPart("complaint") ComplaintRequest request,
            @RequestPart(name = "attachments", required = false) List<MultipartFile> files,
            @Parameter(description = "As for a plain submission: the same key, complaint and files answer the first "
                    + "request's answer", schema = @Schema(type = "string", minLength = 1, maxLength = 255,
                            pattern = "^[\\x20-\\x7E]+$"), example = "7d0b3f0e-9a8c-4a4e-8f43-2c5d5f3a9b11")
            @RequestHeader(name = IdempotencyProblems.HEADER, required = false) String idempotencyKey) {
        SubmissionKey key = idempotencyKey == null ? null : key(idempotencyKey);
        List<ScreenedUpload> uploads = screening.screen(MultipartUploads.of(files));
        if (key == null) {
            return created(received.byApi(filing.submit(request.toNewComplaint(), uploads)), false);
        }
        return answer(filing.submit(key, stored -> fingerprint.of(request, stored), request.toNewComplaint(), uploads,
                Duration.ZERO));
    }

    private static SubmissionKey key(String idempotencyKey) {
        if (!SubmissionKey.isWellFormed(idempotencyKey)) {
            throw IdempotencyProblems.invalidKey();
        }
        return new SubmissionKey(SubmissionKey.Scope.API, idempotencyKey);
    }

    private ResponseEntity<FiledComplaint> answer(KeyedSubmission outcome) {
        return switch (outcome) {
            case KeyedSubmission.Filed filed -> created(received.byApi(filed.complaint()), false);
            case KeyedSubmission.Replayed replayed -> created(replayed.complaint(), true);
            case KeyedSubmission.InFlight inFlight -> throw IdempotencyProblems.inFlight();
            case KeyedSubmission.KeyReused reused -> throw IdempotencyProblems.keyReused();
        };
    }

    private static ResponseEntity<FiledComplaint> created(SubmittedComplaint submitted, boolean replayed) {
        var answer = ResponseEntity.created(URI.create("/api/v1/complaints/" + submitted.reference()));
        if (replayed) {
            answer.header(REPLAYED, "true");
        }
        return answer.body(FiledComplaint.of(submitted));
    }

    @Operation(summary = "Read a complaint as filed",
            description = "For an AGENT or SECTOR_HEAD of the sector the case is in now. A reference outside the "
                    + "caller's sectors and one that does not exist get the same 403. The read is recorded in the "
                    + "audit trail before the complaint is served.",
            security = @SecurityRequirement(name = StaffApi.SECURITY_SCHEME))
    @ApiResponse(responseCode = "200", description = "The complaint as filed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ComplaintView.class),
            examples = @ExampleObject(name = "elected-group", value = ComplaintExamples.AS_FILED)))
    @GetMapping("/{reference}")
    ComplaintView complaint(@Parameter(description = "the complaint's reference: 8 digits, the year and a sequence",
            schema = @Schema(type = "string", pattern = "^[0-9]{8}$"), example = REFERENCE_EXAMPLE)
            @PathVariable String reference, StaffMember staff) {
        return ComplaintView.of(intake.read(staff, reference));
    }

    @Operation(summary = "Download an attachment of a complaint",
            description = "For an AGENT or SECTOR_HEAD of the sector the case is in now, as the complaint itself; the "
                    + "download is recorded in the audit trail before the file is served. Always as an attachment "
                    + "(never shown inline), with the type detected from its content when it was filed.",
            security = @SecurityRequirement(name = StaffApi.SECURITY_SCHEME))
    @ApiResponse(responseCode = "200", description = "The file, as sent", headers = {
            @Header(name = HttpHeaders.CONTENT_DISPOSITION, required = true, description = "attachment, with the "
                    + "filename made safe", schema = @Schema(type = "string")),
            @Header(name = "X-Content-Type-Options", required = true, schema = @Schema(type = "string",
                    allowableValues = "nosniff"))},
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string",
                    format = "binary")))
    @ApiResponse(responseCode = "404", description = "The complaint names no attachment with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping(path = "/{reference}/attachments/{id}", produces = MediaType.ALL_VALUE)
    ResponseEntity<Resource> attachment(@Parameter(description = "the complaint's reference",
            schema = @Schema(type = "string", pattern = "^[0-9]{8}$"), example = REFERENCE_EXAMPLE)
            @PathVariable String reference,
            @Parameter(description = "the attachment's id, as the complaint lists it", schema = @Schema(type = "string"),
                    example = "5b1f0c7e-8d2a-4f4e-9c3b-0a6d2e9f1c44")
            @PathVariable String id, StaffMember staff) {
        return AttachmentDownload.of(intake.readAttachment(staff, reference, id), attachments);
    }
}
