package fr.saisine.triage.retention.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.saisine.events.AccessOutcome;
import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.openapi.StaffApi;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.retention.domain.EliminationRecord;
import fr.saisine.triage.retention.domain.Eliminations;

/**
 * {@code GET /api/v1/retention/eliminations}: the elimination records, for AUDITORs only (the
 * security chain refuses anyone else, and records the refusal); each read is recorded in the audit
 * trail like an audit search. References and counts only: no personal data.
 */
@RestController
@Tag(name = "Retention", description = "The elimination records of the retention schedule, for auditors")
@SecurityRequirement(name = StaffApi.SECURITY_SCHEME)
class EliminationsApiController {

    static final int MAX_SIZE = 100;
    static final URI UNKNOWN_RUN = URI.create("/problems/unknown-run");

    private final Eliminations eliminations;
    private final AccessAudit audit;

    EliminationsApiController(Eliminations eliminations, AccessAudit audit) {
        this.eliminations = eliminations;
        this.audit = audit;
    }

    /** Field names are a contract: add, never rename. */
    @Schema(name = "EliminationPage")
    record EliminationPage(@Schema(requiredMode = REQUIRED) int page, @Schema(requiredMode = REQUIRED) int size,
            @Schema(requiredMode = REQUIRED, description = "newest first; answered and unanswered are empty here: "
                    + "read one run for them") List<EliminationRecord> records) {
    }

    @Operation(summary = "List the elimination records",
            description = "For AUDITORs only, newest first: each retention run, its rule, period, cutoff, the cases "
                    + "erased and those skipped under a legal hold, and, once every service has answered, the counts "
                    + "by service and kind. The read is recorded in the audit trail.")
    @GetMapping(path = "/api/v1/retention/eliminations", produces = MediaType.APPLICATION_JSON_VALUE)
    EliminationPage list(
            @Parameter(description = "the page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "records per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + MAX_SIZE, defaultValue = "20")) @RequestParam(defaultValue = "20") int size,
            StaffMember auditor) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
        audit.record(auditor, List.of(), AccessOutcome.ALLOWED, null);
        return new EliminationPage(page, size, eliminations.list(page, size));
    }

    @Operation(summary = "Read one elimination record",
            description = "For AUDITORs only: the run's record with, for each service, the references it has answered "
                    + "for and those it has not yet, and its counts by kind. The read is recorded in the audit trail.")
    @ApiResponse(responseCode = "200", description = "The run's record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = EliminationRecord.class)))
    @ApiResponse(responseCode = "404", description = "No run has that id", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(path = "/api/v1/retention/eliminations/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
    EliminationRecord one(@Parameter(description = "the run's id, as the list gives it") @PathVariable String runId,
            StaffMember auditor) {
        audit.record(auditor, List.of(), AccessOutcome.ALLOWED, null);
        return eliminations.find(runId).orElseThrow(() -> new UnknownRunException(runId));
    }

    static final class UnknownRunException extends RuntimeException {

        UnknownRunException(String runId) {
            super("no retention run has the id '" + runId + "'");
        }
    }

    /** Its own refusal; the staff API's others (400, 401, 403) come from the shared handlers. */
    @RestControllerAdvice(assignableTypes = EliminationsApiController.class)
    static class Problems {

        @ExceptionHandler
        ProblemDetail unknownRun(UnknownRunException ex) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
            problem.setTitle("Unknown retention run");
            problem.setType(UNKNOWN_RUN);
            return problem;
        }
    }
}
