package fr.saisine.intake.followup.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.saisine.intake.attachment.domain.AttachmentScreening;
import fr.saisine.intake.attachment.domain.AttachmentTooLargeException;
import fr.saisine.intake.attachment.domain.ScreenedUpload;
import fr.saisine.intake.attachment.domain.UnsupportedAttachmentException;
import fr.saisine.intake.attachment.domain.Upload;
import fr.saisine.intake.attachment.web.AttachmentMessages;
import fr.saisine.intake.attachment.web.MultipartUploads;
import fr.saisine.intake.followup.domain.AnswerNotAwaitedException;
import fr.saisine.intake.followup.domain.CaseClosedException;
import fr.saisine.intake.followup.domain.ComplainantActions;
import fr.saisine.intake.followup.domain.FollowUpErasedException;
import fr.saisine.intake.followup.domain.FollowUpNotFoundException;
import fr.saisine.intake.followup.domain.FollowUpReading;

/**
 * The complainant's follow-up page, for the holder of the link: where the complaint stands, its
 * history and letters, the answer to an open question and the withdrawal (after a confirmation
 * page). Forms only, no script needed; each post is followed by a redirect, so a reload never
 * sends it again. Its texts are in messages.properties.
 */
@Controller
class FollowUpPageController {

    private final FollowUpReading reading;
    private final ComplainantActions actions;
    private final FollowUpLabels labels;
    private final AttachmentScreening screening;
    private final AttachmentMessages attachmentMessages;

    FollowUpPageController(FollowUpReading reading, ComplainantActions actions, FollowUpLabels labels,
            AttachmentScreening screening, AttachmentMessages attachmentMessages) {
        this.reading = reading;
        this.actions = actions;
        this.labels = labels;
        this.screening = screening;
        this.attachmentMessages = attachmentMessages;
    }

    @GetMapping("/suivi/{token}")
    String page(@PathVariable String token, Model model) {
        return render(token, model, Map.of(), "");
    }

    @PostMapping("/suivi/{token}/reponse")
    String answer(@PathVariable String token, @RequestParam(name = "text", required = false) String text,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        String answer = text == null ? "" : text.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (answer.isEmpty() || answer.length() > FollowUpRequests.MAX_ANSWER) {
            errors.put("reponse", labels.text(answer.isEmpty() ? "followup.answer.blank" : "followup.answer.tooLong"));
        }
        List<Upload> sent = MultipartUploads.of(files);
        List<ScreenedUpload> uploads = List.of();
        try {
            uploads = screening.screen(sent);
        }
        catch (AttachmentTooLargeException | UnsupportedAttachmentException refused) {
            errors.put("pieces", attachmentMessages.of(refused));
        }
        if (!errors.isEmpty()) {
            // a browser never keeps the files of a page sent back: say so rather than let them go unnoticed
            model.addAttribute("chooseFilesAgain", !sent.isEmpty());
            return render(token, model, errors, text);
        }
        try {
            actions.answer(token, answer, uploads);
            redirect.addFlashAttribute("notice", labels.text("followup.answer.sent"));
        }
        catch (AnswerNotAwaitedException ex) {
            redirect.addFlashAttribute("notice", labels.text("followup.answer.notAwaited"));
        }
        return "redirect:/suivi/" + token;
    }

    /** An answer over the container's ceiling, cut short before it could be read: the page again, and why. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        String token = request.getRequestURI().replaceFirst("^.*/suivi/([^/]+)/.*$", "$1");
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        model.addAttribute("chooseFilesAgain", true);
        return render(token, model, Map.of("pieces", attachmentMessages.requestTooLarge()), "");
    }

    /** The confirmation step: nothing is withdrawn until the complainant confirms on this page. */
    @GetMapping("/suivi/{token}/retrait")
    String confirmWithdrawal(@PathVariable String token, Model model) {
        model.addAttribute("followUp", FollowUpView.of(reading.open(token), labels));
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        return "followup-withdrawal";
    }

    @PostMapping("/suivi/{token}/retrait")
    String withdraw(@PathVariable String token, @RequestParam(name = "reason", required = false) String reason,
            Model model, RedirectAttributes redirect) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > FollowUpRequests.MAX_REASON) {
            model.addAttribute("followUp", FollowUpView.of(reading.open(token), labels));
            model.addAttribute("token", token);
            model.addAttribute("errors", Map.of("raison", labels.text("followup.withdraw.reason.tooLong")));
            model.addAttribute("reason", reason);
            return "followup-withdrawal";
        }
        try {
            var outcome = actions.withdraw(token, why);
            redirect.addFlashAttribute("notice", labels.text(outcome == ComplainantActions.Withdrawal.REQUESTED
                    ? "followup.withdraw.requested" : "followup.withdraw.already"));
        }
        catch (CaseClosedException ex) {
            redirect.addFlashAttribute("notice", labels.text("followup.withdraw.closed"));
        }
        return "redirect:/suivi/" + token;
    }

    /** A wrong or expired link: the same page for both, which says how to get a new one. */
    @ExceptionHandler(FollowUpNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "followup-not-found";
    }

    /** The link's complaint was erased: the page says the file no longer exists, and nothing else of it. */
    @ExceptionHandler(FollowUpErasedException.class)
    @ResponseStatus(HttpStatus.GONE)
    String erased() {
        return "followup-erased";
    }

    private String render(String token, Model model, Map<String, String> errors, String text) {
        model.addAttribute("followUp", FollowUpView.of(reading.open(token), labels));
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        model.addAttribute("text", text);
        attachmentMessages.describeLimits(model);
        return "followup";
    }
}
