package fr.saisine.intake.complaint.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.saisine.events.Category;
import fr.saisine.events.ComplainantType;
import fr.saisine.events.Residence;
import fr.saisine.events.RespondentType;
import fr.saisine.intake.attachment.domain.AttachmentScreening;
import fr.saisine.intake.attachment.domain.AttachmentTooLargeException;
import fr.saisine.intake.attachment.domain.ScreenedUpload;
import fr.saisine.intake.attachment.domain.UnsupportedAttachmentException;
import fr.saisine.intake.attachment.domain.Upload;
import fr.saisine.intake.attachment.web.AttachmentMessages;
import fr.saisine.intake.attachment.web.MultipartUploads;
import fr.saisine.intake.complaint.domain.AttachedFiling;
import fr.saisine.intake.ratelimit.web.RateLimited;
import fr.saisine.intake.complaint.domain.KeyedSubmission;
import fr.saisine.intake.complaint.domain.SubmissionKey;
import fr.saisine.intake.complaint.domain.SubmittedComplaint;
import fr.saisine.intake.pages.web.PersonalDataNotice;

/**
 * The public complaint form. It applies the API's rules ({@link ComplaintRequest}) and shows
 * each error beside its field, keeping everything the complainant typed. Each form shown carries
 * a {@link SubmissionToken}, under which the complaint is filed once: a double click, a reload of
 * the POST, the back button then a new click all lead to the confirmation of that one complaint.
 */
@Controller
class ComplaintFormController {

    /** A double click's second request waits this long for the first, whose answer the browser dropped. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final AttachedFiling filing;
    private final RequestFingerprint fingerprint;
    private final Validator validator;
    private final ComplaintsReceived received;
    private final AttachmentScreening screening;
    private final AttachmentMessages attachmentMessages;
    private final FormErrors formErrors;
    private final PersonalDataNotice notice;

    ComplaintFormController(AttachedFiling filing, RequestFingerprint fingerprint, Validator validator,
            ComplaintsReceived received, AttachmentScreening screening, AttachmentMessages attachmentMessages,
            FormErrors formErrors, PersonalDataNotice notice) {
        this.filing = filing;
        this.notice = notice;
        this.formErrors = formErrors;
        this.fingerprint = fingerprint;
        this.validator = validator;
        this.received = received;
        this.screening = screening;
        this.attachmentMessages = attachmentMessages;
    }

    @GetMapping("/")
    String form(Model model, HttpServletResponse response) {
        // history may keep this page (no-store forbade it), so that the back button shows it with its
        // token rather than a fresh one; it holds nothing personal. A reload still fetches a new one.
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().cachePrivate().getHeaderValue());
        Map<String, String> values = new LinkedHashMap<>(Map.of("complainant.type", "PERSON",
                "complainant.postalAddress.country", "FR", "complainant.residence", "METROPOLITAN_FRANCE"));
        values.put(SubmissionToken.FIELD, SubmissionToken.generate());
        return render(model, values, Map.of());
    }

    @PostMapping("/")
    String submit(@RequestParam MultiValueMap<String, String> params,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            RedirectAttributes redirect, HttpServletRequest httpRequest, HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>(params.toSingleValueMap());
        OptionalLong wait = RateLimited.minutesToWait(httpRequest, response);
        if (wait.isPresent()) {
            model.addAttribute("rateLimitedMinutes", wait.getAsLong());
            model.addAttribute("chooseFilesAgain", files != null && !MultipartUploads.of(files).isEmpty());
            return render(model, values, Map.of());
        }
        ComplaintRequest request = ComplaintFormFields.toRequest(values);
        Map<String, String> errors = new TreeMap<>(ComplaintFormFields.IN_FORM_ORDER);
        for (ConstraintViolation<ComplaintRequest> violation : validator.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(),
                    formErrors.message(violation, LocaleContextHolder.getLocale()));
        }
        List<Upload> sent = MultipartUploads.of(files);
        List<ScreenedUpload> uploads = List.of();
        try {
            uploads = screening.screen(sent);
        }
        catch (AttachmentTooLargeException | UnsupportedAttachmentException refused) {
            errors.put("attachments", attachmentMessages.of(refused));
        }
        if (!errors.isEmpty()) {
            // a browser never keeps the files of a page sent back: say so rather than let them go unnoticed
            model.addAttribute("chooseFilesAgain", !sent.isEmpty());
            return render(model, values, errors);
        }
        String token = values.get(SubmissionToken.FIELD);
        if (!SubmissionKey.isWellFormed(token)) {
            // a page shown before tokens existed, or a client of its own: filed as it always was
            return confirm(received.byForm(filing.submit(request.toNewComplaint(), uploads)), redirect);
        }
        var key = new SubmissionKey(SubmissionKey.Scope.FORM, token);
        return switch (filing.submit(key, stored -> fingerprint.of(request, stored), request.toNewComplaint(), uploads,
                PATIENCE)) {
            case KeyedSubmission.Filed filed -> confirm(received.byForm(filed.complaint()), redirect);
            case KeyedSubmission.Replayed replayed -> confirm(replayed.complaint(), redirect);
            case KeyedSubmission.KeyReused reused when reused.original() != null -> {
                // back, changed, sent again: that complaint is filed as it was; sending again files these as another
                values.put(SubmissionToken.FIELD, SubmissionToken.generate());
                model.addAttribute("alreadyFiled", reused.original());
                yield render(model, values, Map.of());
            }
            case KeyedSubmission.KeyReused stillFiling -> pending(model, values);
            case KeyedSubmission.InFlight inFlight -> pending(model, values);
        };
    }

    /** Post/redirect/get: a reload of the confirmation never posts again. */
    private static String confirm(SubmittedComplaint submitted, RedirectAttributes redirect) {
        redirect.addFlashAttribute("submitted", submitted);
        return "redirect:/confirmation";
    }

    /** What the confirmation's language switch shows again: the reference and time, nothing personal. */
    private static final String LAST_CONFIRMED = "saisine.confirmed";

    /** The first sending is still being filed after {@link #PATIENCE}: the same token sent again will show it. */
    private String pending(Model model, Map<String, String> values) {
        model.addAttribute("pending", true);
        return render(model, values, Map.of());
    }

    /** A request over the container's ceiling, cut short before the form could be read: a fresh form, and why. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        Map<String, String> values = new LinkedHashMap<>(Map.of(SubmissionToken.FIELD, SubmissionToken.generate()));
        model.addAttribute("chooseFilesAgain", true);
        return render(model, values, Map.of("attachments", attachmentMessages.requestTooLarge()));
    }

    @GetMapping("/confirmation")
    String confirmation(Model model, HttpSession session, @RequestParam(name = "lang", required = false) String lang) {
        if (model.containsAttribute("submitted")) {
            session.setAttribute(LAST_CONFIRMED, model.getAttribute("submitted"));
            return "confirmation";
        }
        if (lang != null && session.getAttribute(LAST_CONFIRMED) instanceof SubmittedComplaint shown) {
            // the language switch on the confirmation: the same confirmation, in the language chosen
            model.addAttribute("submitted", shown);
            return "confirmation";
        }
        // reached without a fresh submission (a reload, a bookmark): back to the form
        return "redirect:/";
    }

    private String render(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("complainantTypes", ComplainantType.values());
        model.addAttribute("residences", Residence.values());
        model.addAttribute("respondentTypes", RespondentType.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("representativeRows", ComplaintFormFields.REPRESENTATIVE_ROWS);
        attachmentMessages.describeLimits(model);
        // the short information notice by the submit button (GDPR art. 13)
        model.addAttribute("privacy", notice.facts(LocaleContextHolder.getLocale()));
        return "complaint-form";
    }
}
