package fr.saisine.triage.datasubject.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.platform.access.DataSubjectAddress;
import fr.saisine.platform.openapi.StaffApi;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.datasubject.domain.DataSubjectRequests;
import fr.saisine.triage.datasubject.domain.PartUnavailableException;

/**
 * The DPO's answers to data subjects' requests about the authority's own processing: what the
 * three services hold about an email address (GDPR art. 15), as JSON or as a ZIP with the files, and
 * the erasure of what no obligation requires keeping (art. 17). For the DPO only (the security chain
 * refuses everyone else, and records the refusal); each answer recorded in the audit trail.
 */
@RestController
@Tag(name = "Data subjects", description = "The DPO's answers to data subjects' requests (access, erasure)")
@SecurityRequirement(name = StaffApi.SECURITY_SCHEME)
class DataSubjectsApiController {

    static final URI PART_UNAVAILABLE = URI.create("/problems/part-unavailable");
    static final URI INVALID_ERASURE_REQUEST = URI.create("/problems/invalid-erasure-request");
    static final int MAX_REASON = 2_000;
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String ZIP = "application/zip";

    private final DataSubjectRequests requests;

    DataSubjectsApiController(DataSubjectRequests requests) {
        this.requests = requests;
    }

    @Schema(name = "DataSubjectErasureRequest")
    record ErasureRequest(@Schema(description = "the address the request is about") String email,
            @Schema(description = "why: the data subject's request, as the DPO records it (at most 2,000 characters)")
            String reason) {
    }

    @Operation(summary = "Answer a data subject's request for access",
            description = "For the DPO only: everything the three services hold about the email address — intake's "
                    + "complaints filed by or naming it, as filed, with their files listed and the follow-up (links: "
                    + "when issued and until when, never a token; letters; answers); triage's cases for those "
                    + "complaints (status, sector, each step with its time, notes with their text, legal holds, "
                    + "letters; staff shown by their initials); notification's messages to the address. Each part "
                    + "comes from its own service, asked with the DPO's own token; if one cannot be had the answer "
                    + "is a 502 or 503 problem, never a partial answer. With Accept: application/zip, the same JSON "
                    + "(data-subject.json) and every file as sent. The answer is recorded in the audit trail.")
    @ApiResponse(responseCode = "200", description = "What the services hold about the address", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = DataSubjectRequests.Access.class)),
            @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "400", description = "The email is missing or not one address",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "502", description = "A service answered its part with an error",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "503", description = "A service could not be reached for its part",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping(path = "/api/v1/data-subjects", produces = {MediaType.APPLICATION_JSON_VALUE, ZIP})
    ResponseEntity<?> access(@Parameter(description = "the address the request is about",
            example = "jeanne.dupont@example.org") @RequestParam(required = false) String email,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            StaffMember dpo) {
        String address = DataSubjectAddress.checked(email);
        if (!wantsZip(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
                    .body(requests.access(dpo, address, bearerToken()));
        }
        byte[] zip = requests.accessWithFiles(dpo, address, bearerToken());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ZIP)).contentLength(zip.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("data-subject.zip").build().toString())
                .cacheControl(CacheControl.noStore()).body(zip);
    }

    /** The ZIP only when asked for by name: a client that takes anything gets the JSON. */
    static boolean wantsZip(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.getQualityValue() > 0
                    && type.getType().equals("application") && type.getSubtype().equals("zip"));
        }
        catch (org.springframework.util.InvalidMimeTypeException ex) {
            return false;
        }
    }

    @Operation(summary = "Answer a data subject's request for erasure",
            description = "For the DPO only: each complaint naming the address is erased if no obligation requires "
                    + "keeping it — a closed case not under a legal hold is anonymised and its erasure ordered to "
                    + "every service (rule DATA_SUBJECT_REQUEST), recorded in an elimination record of its own with "
                    + "the reason; an open case is kept (\"the case is being handled: art. 17(3)(b) and (e) GDPR\"), "
                    + "a held one too (the hold's reason). The answer lists what was erased, what was kept and why. "
                    + "The request and the erasure are recorded in the audit trail.")
    @ApiResponse(responseCode = "200", description = "What was erased, what was kept and why", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DataSubjectRequests.Erasure.class)))
    @ApiResponse(responseCode = "400", description = "The email is missing or not one address, or the reason is "
            + "missing or too long", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "502", description = "Intake answered with an error: nothing was erased",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "503", description = "Intake could not be reached: nothing was erased",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @PostMapping(path = "/api/v1/data-subjects/erasure", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    DataSubjectRequests.Erasure erase(@RequestBody ErasureRequest request, StaffMember dpo) {
        String address = DataSubjectAddress.checked(request.email());
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new InvalidErasureRequestException(reason.isEmpty()
                    ? "reason is required: why the data subject asked, as the elimination record will say"
                    : "reason must be at most " + MAX_REASON + " characters");
        }
        return requests.erase(dpo, address, reason, bearerToken());
    }

    /** The DPO's own token, which the other services are asked with: each decides for itself. */
    private static String bearerToken() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken().getTokenValue();
        }
        throw new IllegalStateException("the API chain admits bearer tokens only");
    }

    static final class InvalidErasureRequestException extends RuntimeException {

        InvalidErasureRequestException(String message) {
            super(message);
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidErasureRequestException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("The erasure request is incomplete or invalid");
        problem.setType(INVALID_ERASURE_REQUEST);
        List<Map<String, String>> errors = new ArrayList<>();
        errors.add(Map.of("field", "reason", "message", ex.getMessage()));
        problem.setProperty("errors", errors);
        return problem(problem);
    }

    /** 503 when the service could not be reached, 502 when it answered with an error; which one is said. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> partUnavailable(PartUnavailableException ex) {
        HttpStatus status = ex.unreachable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage()
                + "; nothing is answered without it");
        problem.setTitle("A service's part is missing");
        problem.setType(PART_UNAVAILABLE);
        problem.setProperty("service", ex.service());
        return problem(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
