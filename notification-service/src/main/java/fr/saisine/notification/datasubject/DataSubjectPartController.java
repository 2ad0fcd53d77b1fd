package fr.saisine.notification.datasubject;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.events.AccessOutcome;
import fr.saisine.events.MessageKind;
import fr.saisine.notification.message.domain.Messages;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.access.DataSubjectAddress;
import fr.saisine.platform.access.References;
import fr.saisine.platform.openapi.StaffApi;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.platform.web.ProblemTypes;

/**
 * Notification's part of the DPO's answers to data subjects, which triage gathers: the messages sent
 * to the address about the complaints named (messages are kept by complaint, so the references come
 * from intake's part). For the DPO only (the security chain refuses everyone else); the read is
 * recorded in the audit trail before anything leaves.
 */
@RestController
@Tag(name = "Data subjects", description = "Notification's part of the DPO's answers to data subjects' requests")
@SecurityRequirement(name = StaffApi.SECURITY_SCHEME)
class DataSubjectPartController {

    /** More references than one person's complaints are: a request naming more is refused. */
    static final int MAX_REFERENCES = 500;

    private final Messages messages;
    private final AccessAudit audit;
    private final Clock clock;

    DataSubjectPartController(Messages messages, AccessAudit audit, Clock clock) {
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** Field names are a contract: add, never rename. */
    @Schema(name = "DataSubjectMessage")
    record MessageView(@Schema(requiredMode = REQUIRED) String reference,
            @Schema(requiredMode = REQUIRED) MessageKind kind, @Schema(requiredMode = REQUIRED) String recipient,
            @Schema(requiredMode = REQUIRED) String subject, @Schema(requiredMode = REQUIRED) String text,
            @Schema(requiredMode = REQUIRED, allowableValues = {"PENDING", "SENT", "FAILED"}) String status,
            @Schema(requiredMode = REQUIRED) int attempts, @Schema(requiredMode = REQUIRED) Instant createdAt,
            Instant sentAt) {

        static MessageView of(OutgoingMessage m) {
            return new MessageView(m.reference(), m.kind(), m.recipient(), m.subject(), m.text(), m.status().name(),
                    m.attempts(), m.createdAt(), m.sentAt());
        }
    }

    @Schema(name = "NotificationDataSubjectPart")
    record NotificationPart(@Schema(requiredMode = REQUIRED) String service,
            @Schema(requiredMode = REQUIRED) String email, @Schema(requiredMode = REQUIRED) Instant at,
            @Schema(requiredMode = REQUIRED, description = "by complaint, oldest first") List<MessageView> messages) {
    }

    @Operation(summary = "Notification's part of a data subject's request",
            description = "For the DPO only: the messages sent to the address (recipient, subject, text, status, "
                    + "attempts, when sent) about each complaint named; letters of an erased complaint are no longer "
                    + "held and so not listed. The read is recorded in the audit trail.")
    @ApiResponse(responseCode = "200", description = "The messages to the address",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = NotificationPart.class)))
    @ApiResponse(responseCode = "400", description = "The email is missing or not one address, a reference is "
            + "malformed, or too many are named", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(path = "/api/v1/data-subjects/part", produces = MediaType.APPLICATION_JSON_VALUE)
    NotificationPart part(@Parameter(description = "the address the request is about")
            @RequestParam(required = false) String email,
            @Parameter(description = "a complaint's reference, as intake's part lists it; repeated")
            @RequestParam(name = "reference", required = false) List<String> references, StaffMember dpo) {
        String address = DataSubjectAddress.checked(email);
        Set<String> wanted = new LinkedHashSet<>(references == null ? List.of() : references);
        if (wanted.size() > MAX_REFERENCES) {
            throw new IllegalArgumentException("at most " + MAX_REFERENCES + " references at once");
        }
        wanted.forEach(References::checked);
        List<MessageView> found = new ArrayList<>();
        List<String> served = new ArrayList<>();
        for (String reference : wanted.stream().sorted().toList()) {
            List<MessageView> sent = messages.forComplaint(reference).stream()
                    .filter(m -> address.equalsIgnoreCase(m.recipient().strip())).map(MessageView::of).toList();
            if (!sent.isEmpty()) {
                served.add(reference);
                found.addAll(sent);
            }
        }
        audit.record(dpo, served, AccessOutcome.ALLOWED, "data-subject request");
        return new NotificationPart("notification", address, clock.instant(), found);
    }

    @ExceptionHandler
    ProblemDetail tooMany(IllegalArgumentException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid parameter");
        problem.setType(java.net.URI.create(ProblemTypes.of(HttpStatus.BAD_REQUEST)));
        return problem;
    }
}
