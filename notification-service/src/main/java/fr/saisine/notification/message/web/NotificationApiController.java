package fr.saisine.notification.message.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.events.MessageKind;
import fr.saisine.notification.message.domain.Erasures;
import fr.saisine.notification.message.domain.Messages;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.platform.access.CaseAccess;
import fr.saisine.platform.access.CaseSectors;
import fr.saisine.platform.openapi.StaffApi;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.platform.web.ProblemTypes;

/** What each complainant was told: the messages of a complaint, oldest first, for the staff of its sector. */
@RestController
@Tag(name = "Messages", description = "What each person a complaint names was told")
@SecurityRequirement(name = StaffApi.SECURITY_SCHEME)
class NotificationApiController {

    private static final String EXAMPLE = """
            [{"id": "26000001:ACKNOWLEDGEMENT:alice.martin@example.org", "kind": "ACKNOWLEDGEMENT",
              "recipient": "alice.martin@example.org",
              "subject": "Accusé de réception de votre plainte n° 26000001",
              "text": "Bonjour Alice Martin,\\n\\nNous avons bien reçu la plainte déposée le 2 mars 2026 par Groupe des élus écologistes : « Reconnaissance faciale aux abords des écoles ». ...",
              "status": "SENT", "attempts": 1, "createdAt": "2026-03-02T09:15:28.300Z",
              "sentAt": "2026-03-02T09:15:30.100Z", "lastError": null},
             {"id": "26000001:ACKNOWLEDGEMENT:bruno.petit@example.org", "kind": "ACKNOWLEDGEMENT",
              "recipient": "bruno.petit@example.org",
              "subject": "Accusé de réception de votre plainte n° 26000001",
              "text": "Bonjour Bruno Petit,\\n\\nNous avons bien reçu la plainte déposée le 2 mars 2026 par Groupe des élus écologistes : « Reconnaissance faciale aux abords des écoles ». ...",
              "status": "PENDING", "attempts": 1, "createdAt": "2026-03-02T09:15:28.300Z",
              "sentAt": null, "lastError": "421 4.3.0 mail server busy"}]""";

    private final Messages messages;
    private final CaseAccess access;
    private final CaseSectors sectors;
    private final Erasures erasures;

    NotificationApiController(Messages messages, CaseAccess access, CaseSectors sectors, Erasures erasures) {
        this.erasures = erasures;
        this.messages = messages;
        this.access = access;
        this.sectors = sectors;
    }

    /** Field names are a contract: add, never rename. Staff of the case's sector only (403 otherwise). */
    @Schema(name = "Message")
    record MessageView(@Schema(requiredMode = REQUIRED) String id, @Schema(requiredMode = REQUIRED) MessageKind kind,
            @Schema(requiredMode = REQUIRED) String recipient, @Schema(requiredMode = REQUIRED) String subject,
            @Schema(requiredMode = REQUIRED) String text,
            @Schema(requiredMode = REQUIRED, allowableValues = {"PENDING", "SENT", "FAILED"}) String status,
            @Schema(requiredMode = REQUIRED) int attempts, @Schema(requiredMode = REQUIRED) Instant createdAt,
            Instant sentAt, String lastError) {

        static MessageView of(OutgoingMessage m) {
            return new MessageView(m.id(), m.kind(), m.recipient(), m.subject(), m.text(), m.status().name(),
                    m.attempts(), m.createdAt(), m.sentAt(), m.lastError());
        }
    }

    @Operation(summary = "Read the messages sent about a complaint",
            description = "Oldest first, for an AGENT or SECTOR_HEAD of the sector the case is in now; a case "
                    + "elsewhere and a reference that does not exist get the same 403. The read is recorded in the "
                    + "audit trail before the messages are served.")
    @ApiResponse(responseCode = "410", description = "The complaint's personal data, its letters with it, was erased",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "200", description = "Each message: to whom, what, and whether it went",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = MessageView.class)),
                    examples = @ExampleObject(name = "acknowledgements", value = EXAMPLE)))
    @GetMapping(path = "/api/v1/complaints/{reference}/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MessageView> notifications(@Parameter(description = "the complaint's reference: 8 digits",
            schema = @Schema(type = "string", pattern = "^[0-9]{8}$")) @PathVariable String reference,
            StaffMember staff) {
        access.checkCase(staff, reference, sectors.sectorOf(reference));
        erasures.find(reference).ifPresent(erased -> {
            throw new LettersErasedException(erased.state());
        });
        return messages.forComplaint(reference).stream().map(MessageView::of).toList();
    }

    /** The complaint's letters were erased with its personal data. */
    static final class LettersErasedException extends RuntimeException {

        private final transient Erasures.ErasedCorrespondence erased;

        LettersErasedException(Erasures.ErasedCorrespondence erased) {
            super("the letters of complaint " + erased.reference() + " were erased on " + erased.erasedAt()
                    + " (rule " + erased.rule() + ")");
            this.erased = erased;
        }
    }

    /**
     * 410 rather than an empty list: the complaint existed and had letters, which are gone, as
     * intake answers for the complaint itself; staff learn when and under which rule, nothing else.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> erased(LettersErasedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, ex.getMessage());
        problem.setType(URI.create(ProblemTypes.ERASED));
        problem.setTitle("Erased");
        problem.setProperty("erasedAt", ex.erased.erasedAt().toString());
        problem.setProperty("rule", ex.erased.rule().name());
        return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
