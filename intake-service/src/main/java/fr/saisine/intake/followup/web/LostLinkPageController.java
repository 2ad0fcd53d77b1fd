package fr.saisine.intake.followup.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.intake.followup.domain.ComplainantActions;
import fr.saisine.intake.ratelimit.web.RateLimited;

/**
 * "I lost my link": the reference and an address; a fresh link goes to that address if the
 * complaint names it. The answer is the same whether it does or not, so that the form tells nobody
 * whether a reference exists or whose it is. Only a malformed entry is pointed out.
 */
@Controller
class LostLinkPageController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final ComplainantActions actions;
    private final FollowUpLabels labels;

    LostLinkPageController(ComplainantActions actions, FollowUpLabels labels) {
        this.actions = actions;
        this.labels = labels;
    }

    @GetMapping("/suivi/lien-perdu")
    String form(Model model) {
        return render(model, "", "", Map.of());
    }

    @PostMapping("/suivi/lien-perdu")
    String send(@RequestParam(name = "reference", required = false) String reference,
            @RequestParam(name = "email", required = false) String email, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        String ref = reference == null ? "" : reference.strip();
        String address = email == null ? "" : email.strip();
        OptionalLong wait = RateLimited.minutesToWait(request, response);
        if (wait.isPresent()) {
            model.addAttribute("rateLimitedMinutes", wait.getAsLong());
            return render(model, ref, address, Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Reference.isWellFormed(ref)) {
            errors.put("reference", labels.text("followup.lost.reference.invalid"));
        }
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            errors.put("email", labels.text("followup.lost.email.invalid"));
        }
        if (!errors.isEmpty()) {
            return render(model, ref, address, errors);
        }
        actions.requestLink(ref, address);
        return "redirect:/suivi/lien-perdu/envoye"; // a reload of the answer sends no second letter
    }

    @GetMapping("/suivi/lien-perdu/envoye")
    String sent() {
        return "lost-link-sent";
    }

    private static String render(Model model, String reference, String email, Map<String, String> errors) {
        model.addAttribute("reference", reference);
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        return "lost-link";
    }
}
