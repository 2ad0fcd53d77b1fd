package fr.saisine.notification.message.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import fr.saisine.events.MessageKind;
import fr.saisine.notification.message.domain.Messages;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.platform.access.CaseAccess;
import fr.saisine.platform.access.CaseSectors;
import fr.saisine.platform.security.StaffMember;

/** What each complainant was told: the messages of a complaint, oldest first, for the staff of its sector. */
@RestController
class NotificationApiController {

    private final Messages messages;
    private final CaseAccess access;
    private final CaseSectors sectors;

    NotificationApiController(Messages messages, CaseAccess access, CaseSectors sectors) {
        this.messages = messages;
        this.access = access;
        this.sectors = sectors;
    }

    /** Field names are a contract: add, never rename. Staff of the case's sector only (403 otherwise). */
    record MessageView(String id, MessageKind kind, String recipient, String subject, String text, String status,
            int attempts, Instant createdAt, Instant sentAt, String lastError) {

        static MessageView of(OutgoingMessage m) {
            return new MessageView(m.id(), m.kind(), m.recipient(), m.subject(), m.text(), m.status().name(),
                    m.attempts(), m.createdAt(), m.sentAt(), m.lastError());
        }
    }

    @GetMapping(path = "/api/v1/complaints/{reference}/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
    List<MessageView> notifications(@PathVariable String reference, StaffMember staff) {
        access.checkCase(staff, reference, sectors.sectorOf(reference));
        return messages.forComplaint(reference).stream().map(MessageView::of).toList();
    }
}
