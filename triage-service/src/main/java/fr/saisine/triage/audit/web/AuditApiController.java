package fr.saisine.triage.audit.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.events.AccessAudited;
import fr.saisine.platform.openapi.StaffApi;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.audit.domain.AuditReading;
import fr.saisine.triage.audit.domain.AuditSearch;

/** {@code GET /api/v1/audit}: the audit trail for auditors, by reference and/or actor, newest first. */
@RestController
@Tag(name = "Audit", description = "The audit trail: every read of personal data, and every refusal")
@SecurityRequirement(name = StaffApi.SECURITY_SCHEME)
class AuditApiController {

    private final AuditReading reading;

    AuditApiController(AuditReading reading) {
        this.reading = reading;
    }

    /** Field names are a contract: add, never rename. */
    @Schema(name = "AuditPage")
    record AuditPage(String reference, String actor, @Schema(requiredMode = REQUIRED) int page,
            @Schema(requiredMode = REQUIRED) int size, @Schema(requiredMode = REQUIRED) List<AccessAudited> records) {
    }

    @Operation(summary = "Search the audit trail",
            description = "For AUDITORs only, newest first; the search is itself recorded. Records are those of "
                    + "every service (AccessAudited, docs/events.md).")
    @GetMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditPage audit(
            @Parameter(description = "only the records about this reference (8 digits)",
                    schema = @Schema(type = "string", pattern = "^[0-9]{8}$"))
            @RequestParam(required = false) String reference,
            @Parameter(description = "only the records of this actor: a username or the provider's subject")
            @RequestParam(required = false) String actor,
            @Parameter(description = "the page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "records per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + AuditSearch.MAX_SIZE, defaultValue = "50"))
            @RequestParam(defaultValue = "50") int size,
            StaffMember auditor) {
        AuditSearch search = new AuditSearch(reference, actor, page, size);
        return new AuditPage(search.reference(), search.actor(), page, size, reading.search(auditor, search));
    }
}
