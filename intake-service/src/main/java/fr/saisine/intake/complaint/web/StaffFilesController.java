package fr.saisine.intake.complaint.web;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

import fr.saisine.intake.attachment.domain.Attachments;
import fr.saisine.intake.attachment.web.AttachmentDownload;
import fr.saisine.intake.complaint.domain.AttachmentNotFoundException;
import fr.saisine.intake.complaint.domain.ComplaintErasedException;
import fr.saisine.intake.complaint.domain.ComplaintIntake;
import fr.saisine.intake.complaint.domain.ComplaintNotFoundException;
import fr.saisine.platform.access.AccessRefusedException;
import fr.saisine.platform.access.AuditUnavailableException;
import fr.saisine.platform.access.References;
import fr.saisine.platform.security.StaffMember;

/**
 * The complainants' files for staff in a browser, linked from the dashboard's case page: the same
 * rule, audit record and download as the API's, with a session from the provider instead of a
 * bearer token (staff signed in to the dashboard pass through without a password), and pages rather
 * than problems when a download is refused.
 */
@Controller
class StaffFilesController {

    private final ComplaintIntake intake;
    private final Attachments attachments;

    StaffFilesController(ComplaintIntake intake, Attachments attachments) {
        this.intake = intake;
        this.attachments = attachments;
    }

    @GetMapping("/cases/{reference}/attachments/{id}")
    ResponseEntity<Resource> download(@PathVariable String reference, @PathVariable String id, StaffMember staff) {
        return AttachmentDownload.of(intake.readAttachment(staff, reference, id), attachments);
    }

    @ExceptionHandler({AccessRefusedException.class, References.MalformedReferenceException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(Model model) {
        model.addAttribute("reason", "refused");
        return "staff-file";
    }

    @ExceptionHandler({AttachmentNotFoundException.class, ComplaintNotFoundException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("reason", "not-found");
        return "staff-file";
    }

    /** The complaint's personal data was erased: its files with it. */
    @ExceptionHandler(ComplaintErasedException.class)
    @ResponseStatus(HttpStatus.GONE)
    String erased(Model model) {
        model.addAttribute("reason", "erased");
        return "staff-file";
    }

    /** Nothing is served that cannot be recorded first. */
    @ExceptionHandler(AuditUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String auditUnavailable(Model model) {
        model.addAttribute("reason", "audit-unavailable");
        return "staff-file";
    }
}
