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

import java.util.Arrays;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.events.Category;
import fr.saisine.events.Priority;
import fr.saisine.platform.openapi.StaffApi;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.cases.domain.CaseReading;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.QueueFilter;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.routing.TriageProperties;

/**
 * The staff API's reads: a case (with its ETag, the version changes are made on); a sector's
 * queue, the counts of the caller's sectors, and search in them (from the staff views in memory).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases", description = "Cases and sector queues, for the staff of the sector")
@SecurityRequirement(name = StaffApi.SECURITY_SCHEME)
class CaseApiController {

    /** What {@code limit}, the former name of {@code size}, still takes. */
    static final int MAX_QUEUE_PAGE = 500;
    static final int MAX_PAGE = 200;
    static final int DEFAULT_PAGE = 50;
    static final int MIN_QUERY = 2;

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
            description = "A page of the sector's cases, oldest filing first, for its AGENTs and SECTOR_HEADs: its "
                    + "open cases, or those the filters list; with the count of open cases and of those listed. "
                    + "Read from the staff views each instance holds in memory, current within moments of a change. "
                    + "The view is recorded in the audit trail, with the references shown.")
    @ApiResponse(responseCode = "200", description = "The sector, its count of open cases, and a page of its queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = QueueView.class),
                    examples = @ExampleObject(name = "apsf", value = CaseExamples.QUEUE)))
    @ApiResponse(responseCode = "404", description = "No sector has that code", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = CaseWorkApiController.PROBLEM)))
    @GetMapping("/sectors/{code}/queue")
    QueueView queue(@Parameter(description = "the sector's code, as configured (saisine.triage.sectors)",
            example = "APSF") @PathVariable String code,
            @Parameter(description = "only the cases in this status (CLOSED included); every open one when absent",
                    schema = @Schema(implementation = String.class, allowableValues = {"SUBMITTED", "TRIAGED",
                            "UNDER_REVIEW", "INFORMATION_REQUESTED", "INTERVENTION", "CLOSED", "REOPENED"}))
            @RequestParam(required = false) String status,
            @Parameter(description = "only the cases given to: 'me', 'unassigned', or a colleague's username")
            @RequestParam(required = false) String assignee,
            @Parameter(description = "only the cases of this category", schema = @Schema(implementation = Category.class))
            @RequestParam(required = false) String category,
            @Parameter(description = "only the cases of this priority", schema = @Schema(implementation = Priority.class))
            @RequestParam(required = false) String priority,
            @Parameter(description = "the page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "cases per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + MAX_PAGE, defaultValue = "" + DEFAULT_PAGE))
            @RequestParam(required = false) Integer size,
            @Parameter(description = "the former name of size (then up to " + MAX_QUEUE_PAGE + "), kept for the "
                    + "clients that use it", deprecated = true, schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + MAX_QUEUE_PAGE))
            @RequestParam(required = false) Integer limit, StaffMember staff) {
        if (!triage.sectors().containsKey(code)) {
            throw new UnknownSectorException(code, triage.sectors().keySet());
        }
        int pageSize = size != null ? checked("size", size, MAX_PAGE) : limit != null
                ? checked("limit", limit, MAX_QUEUE_PAGE) : DEFAULT_PAGE;
        var filter = new QueueFilter(parse("status", CaseStatus.class, status), blankToNull(assignee),
                parse("category", Category.class, category), parse("priority", Priority.class, priority));
        return QueueView.of(reading.queue(staff, code, filter, checkedPage(page), pageSize));
    }

    @Operation(summary = "Count the cases of my sectors",
            description = "For an AGENT or SECTOR_HEAD: each of their sectors, its cases counted by status and its "
                    + "open total (the dashboard's figures). Counts only, no personal data: nothing is recorded.")
    @ApiResponse(responseCode = "200", description = "The caller's sectors and their counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CountsView.class),
                    examples = @ExampleObject(name = "apsf", value = CaseExamples.COUNTS)))
    @GetMapping("/sectors/counts")
    CountsView counts(StaffMember staff) {
        return CountsView.of(reading.counts(staff));
    }

    @Operation(summary = "Search the cases of my sectors",
            description = "For an AGENT or SECTOR_HEAD: the cases of their sectors (closed ones included) whose "
                    + "reference starts with q, or whose complainant or organisation contains it, accents and case "
                    + "ignored; newest first. A case of another sector is never found. The search is recorded in the "
                    + "audit trail, with the references shown (complainants' names are personal data).")
    @ApiResponse(responseCode = "200", description = "A page of the cases found",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SearchView.class),
                    examples = @ExampleObject(name = "dupont", value = CaseExamples.SEARCH)))
    @GetMapping("/cases")
    SearchView search(@Parameter(description = "a reference or its start, or part of a complainant's or an "
            + "organisation's name: at least " + MIN_QUERY + " characters", required = true, example = "dupont")
            @RequestParam(name = "q", required = false) String q,
            @Parameter(description = "the page, from 0", schema = @Schema(type = "integer", format = "int32",
                    minimum = "0", defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "cases per page", schema = @Schema(type = "integer", format = "int32",
                    minimum = "1", maximum = "" + MAX_PAGE, defaultValue = "" + DEFAULT_PAGE))
            @RequestParam(defaultValue = "" + DEFAULT_PAGE) int size, StaffMember staff) {
        String text = q == null ? "" : q.strip();
        if (text.length() < MIN_QUERY) {
            throw new IllegalArgumentException("q must have at least " + MIN_QUERY + " characters");
        }
        return SearchView.of(text, reading.search(staff, text, checkedPage(page), checked("size", size, MAX_PAGE)),
                triage.sectors());
    }

    private static int checked(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be between 1 and " + max + ", not " + value);
        }
        return value;
    }

    private static int checkedPage(int page) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, not " + page);
        }
        return page;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E parse(String name, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        }
        catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(name + " must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", not '" + value + "'");
        }
    }
}
