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

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.platform.openapi.StaffApi;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.cases.domain.CaseReading;
import fr.saisine.triage.cases.domain.SectorQueue;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.routing.TriageProperties;

/** The staff API's reads: a case (with its ETag, the version changes are made on), and a sector's queue. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "Cases and sector queues, for the staff of the sector")
@SecurityRequirement(name = StaffApi.SECURITY_SCHEME)
class CaseApiController {

    static final int MAX_QUEUE_PAGE = 500;

    private final CaseReading reading;
    private final CaseViews views;
    private final TriageProperties triage;

    CaseApiController(CaseReading reading, CaseViews views, TriageProperties triage) {
        this.reading = reading;
        this.views = views;
        this.triage = triage;
    }

    @Operation(summary = "Read a case",
            description = "For an AGENT or SECTOR_HEAD of the sector the case is in now; a case elsewhere and a "
                    + "reference that does not exist get the same 403. The ETag is the version to name in If-Match "
                    + "when changing the case. The read is recorded in the audit trail before the case is served.")
    @ApiResponse(responseCode = "200", description = "The case, its history, notes and letters",
            headers = @Header(name = "ETag", required = true, description = CaseWorkApiController.ETAG,
                schema = @Schema(type = "string", pattern = CaseWorkApiController.ETAG_PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CaseView.class),
                    examples = @ExampleObject(name = "under-review", value = CaseExamples.CASE)))
    @GetMapping("/cases/{reference}")
    ResponseEntity<CaseView> caseOf(@Parameter(description = "the case's reference, that of its complaint: 8 digits",
            schema = @Schema(type = "string", pattern = "^[0-9]{8}$")) @PathVariable String reference,
            StaffMember staff) {
        Case found = reading.read(staff, reference);
        return ResponseEntity.ok().eTag(CaseETag.of(found.version())).body(views.of(found));
    }

    @Operation(summary = "Read a sector's queue",
            description = "The sector's open cases, oldest first, for its AGENTs and SECTOR_HEADs; the view is "
                    + "recorded in the audit trail, with the references shown.")
    @ApiResponse(responseCode = "200", description = "The sector, its count of open cases, and the oldest of them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = QueueView.class),
                    examples = @ExampleObject(name = "apsf", value = CaseExamples.QUEUE)))
    @ApiResponse(responseCode = "404", description = "No sector has that code", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = CaseWorkApiController.PROBLEM)))
    @GetMapping("/sectors/{code}/queue")
    QueueView queue(@Parameter(description = "the sector's code, as configured (saisine.triage.sectors)",
            example = "APSF") @PathVariable String code,
            @Parameter(description = "how many of the oldest open cases to list",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1",
                            maximum = "" + MAX_QUEUE_PAGE, defaultValue = "100"))
            @RequestParam(defaultValue = "100") int limit, StaffMember staff) {
        if (!triage.sectors().containsKey(code)) {
            throw new UnknownSectorException(code, triage.sectors().keySet());
        }
        if (limit < 1 || limit > MAX_QUEUE_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_QUEUE_PAGE + ", not " + limit);
        }
        SectorQueue queue = reading.queue(staff, code, limit);
        return new QueueView(new QueueView.Sector(queue.code(), queue.name()), queue.open(),
                queue.oldest().stream().map(QueueView.Entry::of).toList());
    }
}
