package fr.saisine.triage.cases.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

import fr.saisine.platform.access.AccessRefusedException;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.platform.security.StaffRole;
import fr.saisine.triage.cases.domain.CaseReading;
import fr.saisine.triage.cases.domain.Case;

/** The staff dashboard: the queues of the signed-in agent's sectors, and a case's page. */
@Controller
class DashboardController {

    static final int SHOWN_PER_SECTOR = 20;
    static final int RELATED_SHOWN = 20;

    private final CaseReading reading;

    DashboardController(CaseReading reading) {
        this.reading = reading;
    }

    @GetMapping("/")
    String dashboard(StaffMember staff, Model model) {
        if (!staff.worksCases() && staff.is(StaffRole.AUDITOR)) {
            return "redirect:/audit";
        }
        model.addAttribute("staff", staff);
        model.addAttribute("queues", reading.queues(staff, SHOWN_PER_SECTOR));
        return "dashboard";
    }

    @GetMapping("/cases/{reference}")
    String casePage(@PathVariable String reference, StaffMember staff, Model model) {
        Case found = reading.read(staff, reference);
        model.addAttribute("staff", staff);
        model.addAttribute("case", found.state());
        model.addAttribute("related", reading.related(found.state(), RELATED_SHOWN));
        return "case";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }

    /** A case outside the reader's sectors, or none: the same page either way, recorded as refused. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(AccessRefusedException ex, Model model) {
        model.addAttribute("message", ex.getMessage());
        return "error/403";
    }
}
