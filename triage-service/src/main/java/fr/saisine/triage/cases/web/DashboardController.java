package fr.saisine.triage.cases.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import fr.saisine.triage.cases.domain.Cases;
import fr.saisine.triage.cases.domain.TriagedCase;
import fr.saisine.triage.routing.TriageProperties;

/** The staff dashboard: each sector's queue, its count of open cases and the oldest of them. */
@Controller
class DashboardController {

    static final int SHOWN_PER_SECTOR = 20;

    private final Cases cases;
    private final TriageProperties triage;

    DashboardController(Cases cases, TriageProperties triage) {
        this.cases = cases;
        this.triage = triage;
    }

    record SectorQueue(String code, String name, long open, List<TriagedCase> oldest) {
    }

    @GetMapping("/")
    String dashboard(Model model) {
        Map<String, Long> counts = cases.openCountsBySector();
        List<SectorQueue> queues = triage.sectors().entrySet().stream()
                .map(s -> new SectorQueue(s.getKey(), s.getValue(), counts.getOrDefault(s.getKey(), 0L),
                        cases.openQueue(s.getKey(), SHOWN_PER_SECTOR)))
                .toList();
        model.addAttribute("queues", queues);
        return "dashboard";
    }
}
