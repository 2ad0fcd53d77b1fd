package fr.saisine.intake.datasubject.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.intake.attachment.domain.Attachments;
import fr.saisine.intake.attachment.web.AttachmentDownload;
import fr.saisine.intake.complaint.domain.AttachmentNotFoundException;
import fr.saisine.intake.datasubject.domain.DataSubjectPart;
import fr.saisine.platform.access.DataSubjectAddress;
import fr.saisine.platform.openapi.StaffApi;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.platform.web.ProblemTypes;

/**
 * Intake's part of the DPO's answers to data subjects, which triage gathers
 * ({@code GET /api/v1/data-subjects} there): for the DPO only (the security chain refuses everyone
 * else, and records the refusal). Served to whoever holds a DPO token, triage on the DPO's behalf.
 */
@RestController
@Tag(name = "Data subjects", description = "Intake's part of the DPO's answers to data subjects' requests")
@SecurityRequirement(name = StaffApi.SECURITY_SCHEME)
class DataSubjectPartController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";

    private final DataSubjectPart part;
    private final Attachments attachments;
    private final Clock clock;

    DataSubjectPartController(DataSubjectPart part, Attachments attachments, Clock clock) {
        this.part = part;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** Field names are a contract: add, never rename. */
    @Schema(name = "IntakeDataSubjectPart")
    record IntakePart(@Schema(requiredMode = REQUIRED) String service, @Schema(requiredMode = REQUIRED) String email,
            @Schema(requiredMode = REQUIRED) Instant at,
            @Schema(requiredMode = REQUIRED, description = "every complaint that names the address, oldest reference "
                    + "first") List<DataSubjectPart.ComplaintHoldings> complaints) {
    }

    @Operation(summary = "Intake's part of a data subject's request",
            description = "For the DPO only: every complaint filed by or naming the address (as complainant or "
                    + "representative), as filed; its files and the answers' files listed (name, size, type); "
                    + "the follow-up: the links issued to the address (when issued, until when they open the file; "
                    + "never a token), the case as the complainant sees it, the letters to the address, what was "
                    + "asked through the links. Complaints filed before the address index existed are not found "
                    + "(docs/operations.md). The read is recorded in the audit trail.")
    @ApiResponse(responseCode = "200", description = "What intake holds about the address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = IntakePart.class)))
    @ApiResponse(responseCode = "400", description = "The email is missing or not one address",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping(path = "/api/v1/data-subjects/part", produces = MediaType.APPLICATION_JSON_VALUE)
    IntakePart part(@Parameter(description = "the address the request is about", example = "jeanne.dupont@example.org")
            @RequestParam(required = false) String email, StaffMember dpo) {
        String address = DataSubjectAddress.checked(email);
        return new IntakePart("intake", address, clock.instant(), part.of(dpo, address));
    }

    @Operation(summary = "Download a file for a data subject's request",
            description = "For the DPO only: one file of a complaint that names the address, or of an answer to it, "
                    + "as the part lists it; a complaint that does not name the address is refused (403). Always "
                    + "as an attachment. The download is recorded in the audit trail.")
    @ApiResponse(responseCode = "200", description = "The file, as sent", content = @Content(
            mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "The email is missing or not one address, or the reference "
            + "is malformed", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "The complaint names no file with this id",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping(path = "/api/v1/data-subjects/part/{reference}/files/{id}", produces = MediaType.ALL_VALUE)
    ResponseEntity<Resource> file(
            @Parameter(description = "the complaint's reference", schema = @Schema(type = "string",
                    pattern = "^[0-9]{8}$")) @PathVariable String reference,
            @Parameter(description = "the file's id, as the part lists it") @PathVariable String id,
            @Parameter(description = "the address the request is about") @RequestParam(required = false) String email,
            StaffMember dpo) {
        String address = DataSubjectAddress.checked(email);
        return AttachmentDownload.of(part.file(dpo, address, reference, id), attachments);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> noSuchFile(AttachmentNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Unknown attachment");
        problem.setType(URI.create(ProblemTypes.of(HttpStatus.NOT_FOUND)));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
