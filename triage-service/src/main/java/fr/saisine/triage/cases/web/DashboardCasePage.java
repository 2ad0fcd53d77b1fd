package fr.saisine.triage.cases.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import fr.saisine.platform.security.StaffMember;
import fr.saisine.platform.security.StaffRole;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseLetters;
import fr.saisine.triage.cases.domain.CaseReading;
import fr.saisine.triage.cases.domain.Colleagues;
import fr.saisine.triage.cases.domain.Lifecycle;
import fr.saisine.triage.cases.domain.TriagedCase;
import fr.saisine.triage.routing.TriageProperties;

/**
 * What the case page shows: the case at its latest version, and forms for exactly the changes
 * the reader may make to it now, each carrying that version. Used as is, and again when a change
 * was refused (with what was typed and what was wrong, already in the model).
 */
@Component
class DashboardCasePage {

    static final int RELATED_SHOWN = 20;

    private final CaseReading reading;
    private final CaseLetters letters;
    private final Colleagues colleagues;
    private final TriageProperties triage;
    private final AttachmentLinks attachmentLinks;

    DashboardCasePage(CaseReading reading, CaseLetters letters, Colleagues colleagues, TriageProperties triage,
            AttachmentLinks attachmentLinks) {
        this.reading = reading;
        this.letters = letters;
        this.colleagues = colleagues;
        this.triage = triage;
        this.attachmentLinks = attachmentLinks;
    }

    String render(StaffMember staff, Case current, Model model) {
        TriagedCase c = current.state();
        // a sector head can assign a case only to colleagues Saisine has seen: seeing a case page counts
        colleagues.remember(staff);
        boolean head = staff.is(StaffRole.SECTOR_HEAD);
        Map<String, String> otherSectors = new LinkedHashMap<>(triage.sectors());
        otherSectors.remove(c.sector().code());
        model.addAttribute("staff", staff);
        model.addAttribute("case", c);
        model.addAttribute("version", current.version());
        model.addAttribute("transitions", current.allowedTransitions());
        model.addAttribute("lettered", current.allowedTransitions().stream()
                .filter(to -> Lifecycle.writesToComplainant(c.status(), to)).toList());
        model.addAttribute("related", reading.related(c, RELATED_SHOWN));
        model.addAttribute("letters", letters.of(c.reference()));
        // computed here: Thymeleaf evaluates a link's expression in its restricted mode, which calls no bean
        model.addAttribute("attachmentHrefs", attachmentLinks.downloads(c));
        model.addAttribute("assignedToMe", c.assignee() != null && staff.subject().equals(c.assignee().subject()));
        model.addAttribute("head", head);
        model.addAttribute("colleagues", head ? colleagues.of(c.sector().code()) : List.of());
        model.addAttribute("otherSectors", otherSectors);
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
            model.addAttribute("errors", Map.of());
        }
        return "case";
    }
}
