package fr.saisine.triage.cases.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import fr.saisine.events.StaffActor;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.platform.security.StaffRole;
import fr.saisine.triage.cases.domain.CaseReading;
import fr.saisine.triage.cases.domain.Colleagues;
import fr.saisine.triage.cases.domain.SectorQueue;
import fr.saisine.triage.routing.TriageProperties;
import fr.saisine.triage.views.domain.ViewPage;

/**
 * The staff dashboard: the queues of the signed-in agent's sectors, filtered, a search in them,
 * and a case's page. Queues and search read the staff views held in memory (views package).
 */
@Controller
class DashboardController {

    /** The oldest cases the filters list shown per sector: beyond, staff narrow the filters. */
    static final int SHOWN_PER_SECTOR = 200;
    /** The search's results shown, newest first. */
    static final int SEARCH_SHOWN = 100;

    private final CaseReading reading;
    private final Colleagues colleagues;
    private final TriageProperties triage;
    private final DashboardCasePage casePage;

    DashboardController(CaseReading reading, Colleagues colleagues, TriageProperties triage,
            DashboardCasePage casePage) {
        this.reading = reading;
        this.colleagues = colleagues;
        this.triage = triage;
        this.casePage = casePage;
    }

    @GetMapping("/")
    String dashboard(StaffMember staff, Model model, @RequestParam(required = false) String status,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String category,
            @RequestParam(required = false) String priority, @RequestParam(required = false) String q) {
        if (!staff.worksCases() && staff.is(StaffRole.AUDITOR)) {
            return "redirect:/audit";
        }
        List<String> sectors = triage.sectors().keySet().stream().filter(staff::worksIn).toList();
        String text = q == null ? "" : q.strip();
        model.addAttribute("searchText", text);
        if (!text.isEmpty() && staff.worksCases()) {
            // a search replaces the queues on the page; too short a text says so rather than list everything
            if (text.length() >= 2) {
                model.addAttribute("found", reading.search(staff, text, 0, SEARCH_SHOWN));
            }
            else {
                model.addAttribute("searchError", "Saisissez au moins 2 caractères.");
            }
        }
        return queues(staff, sectors, DashboardQueueFilter.of(status, assignee, category, priority), "/", model);
    }

    @GetMapping("/sectors/{code}")
    String sector(@PathVariable String code, StaffMember staff, Model model,
            @RequestParam(required = false) String status, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String category, @RequestParam(required = false) String priority) {
        if (!triage.sectors().containsKey(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no sector " + code);
        }
        return queues(staff, List.of(code), DashboardQueueFilter.of(status, assignee, category, priority),
                "/sectors/" + code, model);
    }

    private String queues(StaffMember staff, List<String> sectors, DashboardQueueFilter filter, String path,
            Model model) {
        colleagues.remember(staff);
        List<SectorQueue> queues = model.containsAttribute("found") ? reading.counts(staff).stream()
                .filter(c -> sectors.contains(c.code()))
                .map(c -> new SectorQueue(c.code(), c.name(), c.open(), new ViewPage(List.of(), 0, 0, SHOWN_PER_SECTOR)))
                .toList() : reading.queues(staff, sectors, filter.asQueueFilter(), SHOWN_PER_SECTOR);
        Map<String, StaffActor> colleaguesOfSectors = new LinkedHashMap<>();
        sectors.forEach(sector -> colleagues.of(sector).forEach(c -> colleaguesOfSectors.putIfAbsent(c.username(), c)));
        colleaguesOfSectors.remove(staff.username());
        model.addAttribute("staff", staff);
        model.addAttribute("queues", queues);
        model.addAttribute("filter", filter);
        model.addAttribute("colleagues", colleaguesOfSectors.values());
        model.addAttribute("path", path);
        model.addAttribute("sectorNames", triage.sectors());
        model.addAttribute("shownMax", SHOWN_PER_SECTOR);
        return "dashboard";
    }

    @GetMapping("/cases/{reference}")
    String casePage(@PathVariable String reference, StaffMember staff, Model model) {
        return casePage.render(staff, reading.read(staff, reference), model);
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
