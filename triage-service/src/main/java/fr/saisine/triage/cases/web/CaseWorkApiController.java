package fr.saisine.triage.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.events.ClosureOutcome;
import fr.saisine.platform.openapi.StaffApi;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.CaseWork;
import fr.saisine.triage.cases.domain.TransitionRequest;

/**
 * Staff changing a case: each change names, in {@code If-Match}, the version it was decided on,
 * and answers the case as it now is with its new ETag.
 */
@RestController
@RequestMapping(path = "/api/v1/cases/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases")
@SecurityRequirement(name = StaffApi.SECURITY_SCHEME)
@ApiResponse(responseCode = "200", description = "Changed: the case as it now is, and its new ETag",
        headers = @Header(name = "ETag", required = true, description = CaseWorkApiController.ETAG,
                schema = @Schema(type = "string", pattern = CaseWorkApiController.ETAG_PATTERN)),
        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                schema = @Schema(implementation = CaseView.class)))
@ApiResponse(responseCode = "400", description = "A field of the change is missing or wrong (errors names it), the "
        + "body cannot be read, the reference is malformed, or If-Match is not an ETag of the case",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(ref = CaseWorkApiController.PROBLEM),
                examples = @ExampleObject(name = "invalid-change", value = CaseExamples.INVALID_CHANGE)))
class CaseWorkApiController {

    static final String PROBLEM = "#/components/schemas/Problem";
    static final String ETAG = "the case's version, quoted (such as \"3\"): what If-Match names to change it";
    static final String ETAG_PATTERN = "^\"[0-9]+\"$";
    private static final String IF_MATCH = "The ETag of the case as last read (GET /api/v1/cases/{reference}), such "
            + "as \"3\": the change is made on that version, and refused (412) if someone changed the case since";

    private final CaseWork work;
    private final CaseViews views;

    CaseWorkApiController(CaseWork work, CaseViews views) {
        this.work = work;
        this.views = views;
    }

    @Schema(name = "TransitionRequest", description = "to, and what that status needs: outcome for CLOSED "
            + "(and referredTo for REFERRED_TO_OTHER_AUTHORITY), question for INFORMATION_REQUESTED")
    record TransitionBody(CaseStatus to, ClosureOutcome outcome, String referredTo, String question, String note,
            String letter) {
    }

    @Schema(name = "AssigneeRequest", description = "the username to assign the case to, or null to give it back")
    record AssigneeBody(String assignee) {
    }

    @Schema(name = "SectorRequest")
    record SectorBody(String sector, String reason) {
    }

    @Schema(name = "NoteRequest")
    record NoteBody(String text) {
    }

    @Schema(name = "LegalHoldRequest", description = "why the hold is set (an appeal is pending...) or lifted")
    record LegalHoldBody(String reason) {
    }

    @Operation(summary = "Move a case along its lifecycle",
            description = "Only along the lifecycle's arrows (allowedTransitions); a letter goes to the complainant "
                    + "with each status they should know about, with the letter paragraph if one is given.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TransitionBody.class),
                    examples = {
                            @ExampleObject(name = "take-under-review", value = CaseExamples.TAKE_UNDER_REVIEW),
                            @ExampleObject(name = "ask-the-complainant", value = CaseExamples.ASK),
                            @ExampleObject(name = "close", value = CaseExamples.CLOSE)})))
    @ApiResponse(responseCode = "409", description = "The lifecycle does not lead from the case's status to this one; "
            + "caseStatus and allowedTransitions say where it can go", content = @Content(
                    mediaType = "application/problem+json",
                    schema = @Schema(ref = CaseProblemTypes.TRANSITION_NOT_ALLOWED_REF),
                    examples = @ExampleObject(name = "transition-not-allowed", value = CaseExamples.NOT_ALLOWED)))
    @ApiResponse(responseCode = "412", description = "Someone changed the case since the version in If-Match",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "stale-case", value = CaseExamples.STALE)))
    @ApiResponse(responseCode = "428", description = "No If-Match", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
            examples = @ExampleObject(name = "precondition-required", value = CaseExamples.PRECONDITION_REQUIRED)))
    @PostMapping("/transitions")
    ResponseEntity<CaseView> transition(@Parameter(description = "the case's reference: 8 digits",
            schema = @Schema(type = "string", pattern = "^[0-9]{8}$")) @PathVariable String reference,
            StaffMember staff,
            @Parameter(description = IF_MATCH, required = true, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody TransitionBody body) {
        long seen = CaseETag.version(ifMatch);
        var request = new TransitionRequest(body.to(), body.outcome(), body.referredTo(), body.question(), body.note(),
                body.letter());
        return answer(work.transition(staff, reference, seen, request));
    }

    @Operation(summary = "Assign a case, or give it back",
            description = "An AGENT takes an unassigned case for themselves, or gives back their own; a SECTOR_HEAD "
                    + "assigns it to any colleague of the sector whom triage has seen.")
    @ApiResponse(responseCode = "412", description = "Someone changed the case since the version in If-Match",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "stale-case", value = CaseExamples.STALE)))
    @ApiResponse(responseCode = "428", description = "No If-Match", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
            examples = @ExampleObject(name = "precondition-required", value = CaseExamples.PRECONDITION_REQUIRED)))
    @PostMapping("/assignee")
    ResponseEntity<CaseView> assign(@Parameter(description = "the case's reference: 8 digits",
            schema = @Schema(type = "string", pattern = "^[0-9]{8}$")) @PathVariable String reference,
            StaffMember staff,
            @Parameter(description = IF_MATCH, required = true, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody AssigneeBody body) {
        return answer(work.assign(staff, reference, CaseETag.version(ifMatch), body.assignee()));
    }

    @Operation(summary = "Move a case to another sector",
            description = "With the reason; the case leaves the queue, and the caller's access with it.")
    @ApiResponse(responseCode = "412", description = "Someone changed the case since the version in If-Match",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
                    examples = @ExampleObject(name = "stale-case", value = CaseExamples.STALE)))
    @ApiResponse(responseCode = "428", description = "No If-Match", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM),
            examples = @ExampleObject(name = "precondition-required", value = CaseExamples.PRECONDITION_REQUIRED)))
    @PostMapping("/sector")
    ResponseEntity<CaseView> moveToSector(@Parameter(description = "the case's reference: 8 digits",
            schema = @Schema(type = "string", pattern = "^[0-9]{8}$")) @PathVariable String reference,
            StaffMember staff,
            @Parameter(description = IF_MATCH, required = true, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SectorBody body) {
        return answer(work.moveToSector(staff, reference, CaseETag.version(ifMatch), body.sector(), body.reason()));
    }

    /** A note is added to the latest version, whatever it is: no If-Match needed. */
    @Operation(summary = "Add an internal note to a case",
            description = "Added to the latest version, whatever it is: no If-Match. Never shown to the complainant.")
    @PostMapping("/notes")
    ResponseEntity<CaseView> note(@Parameter(description = "the case's reference: 8 digits",
            schema = @Schema(type = "string", pattern = "^[0-9]{8}$")) @PathVariable String reference,
            StaffMember staff,
            @RequestBody NoteBody body) {
        return answer(work.addNote(staff, reference, body.text()));
    }

    @Operation(summary = "Set a legal hold on a case",
            description = "For the SECTOR_HEAD of the case's sector only (others 403, recorded): while the hold stands, "
                    + "the retention schedule does not erase the case (docs/retention.md); each retention run lists it "
                    + "as skipped. Made on the latest version, with who, when and the reason in legalHolds.")
    @ApiResponse(responseCode = "403", description = "Not a head of the case's sector, or a case elsewhere",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
    @PutMapping("/legal-hold")
    ResponseEntity<CaseView> holdForLegalReasons(@Parameter(description = "the case's reference: 8 digits",
            schema = @Schema(type = "string", pattern = "^[0-9]{8}$")) @PathVariable String reference,
            StaffMember staff, @RequestBody LegalHoldBody body) {
        return answer(work.legalHold(staff, reference, true, body.reason()));
    }

    @Operation(summary = "Lift the legal hold of a case",
            description = "For the SECTOR_HEAD of the case's sector only, with the reason: the case's retention period, "
                    + "counted from its last closing, applies again.")
    @ApiResponse(responseCode = "403", description = "Not a head of the case's sector, or a case elsewhere",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
    @DeleteMapping("/legal-hold")
    ResponseEntity<CaseView> liftLegalHold(@Parameter(description = "the case's reference: 8 digits",
            schema = @Schema(type = "string", pattern = "^[0-9]{8}$")) @PathVariable String reference,
            StaffMember staff, @RequestBody LegalHoldBody body) {
        return answer(work.legalHold(staff, reference, false, body.reason()));
    }

    private ResponseEntity<CaseView> answer(Case changed) {
        return ResponseEntity.ok().eTag(CaseETag.of(changed.version())).body(views.of(changed));
    }
}
