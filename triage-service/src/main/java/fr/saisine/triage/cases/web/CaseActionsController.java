package fr.saisine.triage.cases.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.saisine.events.ClosureOutcome;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.platform.security.StaffRole;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseReading;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.CaseWork;
import fr.saisine.triage.cases.domain.InvalidChangeException;
import fr.saisine.triage.cases.domain.StaleCaseException;
import fr.saisine.triage.cases.domain.TransitionNotAllowedException;
import fr.saisine.triage.cases.domain.TransitionRequest;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The case page's forms: each posts the version the page showed, makes the change through
 * {@link CaseWork} as the API does, and redirects to the case with a confirmation. A change
 * refused (the case changed meanwhile, a field missing) shows the case again at its latest
 * version, with what was typed and why nothing was applied; never a silent overwrite.
 */
@Controller
@RequestMapping("/cases/{reference}")
class CaseActionsController {

    private final CaseWork work;
    private final CaseReading reading;
    private final DashboardCasePage page;
    private final DashboardLabels labels;

    CaseActionsController(CaseWork work, CaseReading reading, DashboardCasePage page, DashboardLabels labels) {
        this.work = work;
        this.reading = reading;
        this.page = page;
        this.labels = labels;
    }

    record TransitionForm(Long version, String to, String outcome, String referredTo, String question, String note,
            String letter) {
    }

    record AssigneeForm(Long version, String assignee) {
    }

    record SectorForm(Long version, String sector, String reason) {
    }

    record NoteForm(String text) {
    }

    /** One form as posted: its fields by the id of their element on the page, and the version it was read at. */
    private record Posted(String reference, Long version, String idPrefix, Map<String, String> fields) {

        String idOf(String field) {
            return fields.containsKey(field) ? idPrefix + field : null;
        }
    }

    @PostMapping("/transitions")
    String transition(@PathVariable String reference, TransitionForm form, StaffMember staff, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        var posted = new Posted(reference, form.version(), "to-" + form.to() + "-", fields(
                "outcome", form.outcome(), "referredTo", form.referredTo(), "question", form.question(),
                "note", form.note(), "letter", form.letter()));
        return attempt(posted, staff, model, response, () -> {
            CaseStatus to = parse(CaseStatus.class, form.to(), "to");
            var request = new TransitionRequest(to, parse(ClosureOutcome.class, form.outcome(), "outcome"),
                    form.referredTo(), form.question(), form.note(), form.letter());
            Case changed = work.transition(staff, reference, seen(form.version()), request);
            String outcome = changed.state().outcome() == null ? ""
                    : " (issue : " + labels.outcome(changed.state().outcome()) + ")";
            flash.addFlashAttribute("confirmation", "C'est fait : la saisine est désormais « " + to.label() + " »"
                    + outcome + ".");
            return "redirect:/cases/{reference}";
        });
    }

    @PostMapping("/assignee")
    String assign(@PathVariable String reference, AssigneeForm form, StaffMember staff, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        // only a sector head's form has a field to choose whom; an agent's is one button
        var posted = new Posted(reference, form.version(), "assign-",
                staff.is(StaffRole.SECTOR_HEAD) ? fields("assignee", form.assignee()) : Map.of());
        return attempt(posted, staff, model, response, () -> {
            Case changed = work.assign(staff, reference, seen(form.version()), form.assignee());
            var assignee = changed.state().assignee();
            flash.addFlashAttribute("confirmation", assignee == null
                    ? "C'est fait : la saisine n'est plus attribuée à personne."
                    : assignee.subject().equals(staff.subject()) ? "C'est fait : la saisine vous est attribuée."
                    : "C'est fait : la saisine est confiée à " + assignee.name() + ".");
            return "redirect:/cases/{reference}";
        });
    }

    @PostMapping("/sector")
    String moveToSector(@PathVariable String reference, SectorForm form, StaffMember staff, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        var posted = new Posted(reference, form.version(), "move-",
                fields("sector", form.sector(), "reason", form.reason()));
        return attempt(posted, staff, model, response, () -> {
            Case changed = work.moveToSector(staff, reference, seen(form.version()), form.sector(), form.reason());
            var sector = changed.state().sector();
            String where = sector.name() + " (" + sector.code() + ")";
            if (staff.worksIn(sector.code())) {
                flash.addFlashAttribute("confirmation", "C'est fait : la saisine est désormais au secteur " + where + ".");
                return "redirect:/cases/{reference}";
            }
            flash.addFlashAttribute("confirmation", "La saisine n° " + reference + " a été transférée au secteur "
                    + where + ". Elle ne relève plus de vos secteurs : vous ne la voyez plus dans vos files.");
            return "redirect:/";
        });
    }

    /** A note needs no version, as in the API: it is added to the case as it is now. */
    @PostMapping("/notes")
    String note(@PathVariable String reference, NoteForm form, StaffMember staff, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        var posted = new Posted(reference, null, "note-", fields("text", form.text()));
        return attempt(posted, staff, model, response, () -> {
            work.addNote(staff, reference, form.text());
            flash.addFlashAttribute("confirmation", "C'est fait : la note interne est ajoutée.");
            return "redirect:/cases/{reference}";
        });
    }

    /** Makes the change; when it is refused, shows the case as it is now, with why and what was typed. */
    private String attempt(Posted posted, StaffMember staff, Model model, HttpServletResponse response,
            Supplier<String> change) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            return change.get();
        }
        catch (StaleCaseException stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("stale", true);
        }
        catch (InvalidChangeException invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            String id = posted.idOf(invalid.field());
            if (id == null) {
                model.addAttribute("problem", DashboardMessages.of(invalid));
            }
            else {
                errors.put(id, DashboardMessages.of(invalid));
            }
        }
        catch (TransitionNotAllowedException notAllowed) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", "Ce changement de statut n'est pas possible pour une saisine « "
                    + notAllowed.from().label() + " ».");
        }
        Case current = reading.read(staff, posted.reference());
        if (posted.version() != null && posted.version() != current.version()) {
            // refused for a field, but the case has also changed since the page was read: say so too
            model.addAttribute("stale", true);
        }
        Map<String, String> values = new LinkedHashMap<>();
        posted.fields().forEach((field, value) -> values.put(posted.idPrefix() + field, value));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return page.render(staff, current, model);
    }

    /** A form without its version was not read from a page: refused as stale, never applied blind. */
    private static long seen(Long version) {
        return version == null ? -1 : version;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        }
        catch (IllegalArgumentException unknown) {
            throw new InvalidChangeException(field, "'" + value + "' is not one of the choices offered");
        }
    }

    /** Field name, value, ...: the values typed (blank for none), in the form's order. */
    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return fields;
    }
}
