package fr.saisine.intake.complaint.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.saisine.events.Category;
import fr.saisine.events.ComplainantType;
import fr.saisine.events.Residence;
import fr.saisine.events.RespondentType;
import fr.saisine.intake.complaint.domain.ComplaintIntake;
import fr.saisine.intake.complaint.domain.SubmittedComplaint;

/**
 * The public complaint form. It applies the API's rules ({@link ComplaintRequest}) and shows
 * each error beside its field, keeping everything the complainant typed.
 */
@Controller
class ComplaintFormController {

    private final ComplaintIntake intake;
    private final Validator validator;

    ComplaintFormController(ComplaintIntake intake, Validator validator) {
        this.intake = intake;
        this.validator = validator;
    }

    @GetMapping("/")
    String form(Model model) {
        return render(model, Map.of("complainant.type", "PERSON", "complainant.postalAddress.country", "FR",
                "complainant.residence", "METROPOLITAN_FRANCE"), Map.of());
    }

    @PostMapping("/")
    String submit(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>(params.toSingleValueMap());
        ComplaintRequest request = ComplaintFormFields.toRequest(values);
        Map<String, String> errors = new TreeMap<>(ComplaintFormFields.IN_FORM_ORDER);
        for (ConstraintViolation<ComplaintRequest> violation : validator.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (!errors.isEmpty()) {
            return render(model, values, errors);
        }
        SubmittedComplaint submitted = intake.submit(request.toNewComplaint());
        redirect.addFlashAttribute("submitted", submitted);
        return "redirect:/confirmation";
    }

    @GetMapping("/confirmation")
    String confirmation(Model model) {
        // reached without a fresh submission (a reload, a bookmark): back to the form
        return model.containsAttribute("submitted") ? "confirmation" : "redirect:/";
    }

    private String render(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("complainantTypes", ComplainantType.values());
        model.addAttribute("residences", Residence.values());
        model.addAttribute("respondentTypes", RespondentType.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("labels", FormLabels.FRENCH);
        model.addAttribute("representativeRows", ComplaintFormFields.REPRESENTATIVE_ROWS);
        return "complaint-form";
    }
}
