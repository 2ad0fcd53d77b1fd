package fr.saisine.triage.audit.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.audit.domain.AuditReading;
import fr.saisine.triage.audit.domain.AuditSearch;

/** The auditor's page of the dashboard: the same search as the audit API, as a table. */
@Controller
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final AuditReading reading;

    AuditPageController(AuditReading reading) {
        this.reading = reading;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String reference, @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page, StaffMember auditor, Model model) {
        model.addAttribute("staff", auditor);
        model.addAttribute("reference", reference);
        model.addAttribute("actor", actor);
        model.addAttribute("page", page);
        model.addAttribute("pageSize", PAGE_SIZE);
        AuditSearch search;
        try {
            search = new AuditSearch(reference, actor, page, PAGE_SIZE);
        }
        catch (IllegalArgumentException invalid) {
            model.addAttribute("error", invalid.getMessage());
            model.addAttribute("records", List.of());
            return "audit";
        }
        model.addAttribute("records", reading.search(auditor, search));
        return "audit";
    }
}
