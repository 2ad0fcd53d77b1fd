package fr.saisine.triage.routing;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.Priority;

/** Applies the configured rules, in order, to a complaint; the fallback sector takes the rest. */
@Component
public class Router {

    static final String FALLBACK_RULE = "fallback";

    private final TriageProperties properties;
    private final List<CompiledRule> rules;
    private final Keywords sensitive;

    public Router(TriageProperties properties) {
        this.properties = properties;
        this.rules = properties.rules().stream().map(CompiledRule::new).toList();
        this.sensitive = new Keywords(properties.highPriority().keywords());
    }

    public Routing route(ComplaintSubmitted complaint) {
        String sector = properties.fallbackSector();
        String rule = FALLBACK_RULE;
        String reason = "no rule matched: a person routes it";
        for (CompiledRule candidate : rules) {
            Optional<String> why = candidate.matches(complaint);
            if (why.isPresent()) {
                sector = candidate.rule.sector();
                rule = candidate.rule.name();
                reason = why.get();
                break;
            }
        }
        Optional<String> urgency = urgency(complaint);
        return new Routing(sector, properties.sectors().get(sector), rule, reason,
                urgency.isPresent() ? Priority.HIGH : Priority.NORMAL, urgency.orElse(null));
    }

    private Optional<String> urgency(ComplaintSubmitted complaint) {
        if (properties.highPriority().categories().contains(complaint.category())) {
            return Optional.of("category " + complaint.category());
        }
        return sensitive.firstIn(complaint.subject(), complaint.facts(), complaint.respondent().activity())
                .map(keyword -> "mentions '" + keyword + "'");
    }

    /** A rule with its keywords compiled once. */
    private record CompiledRule(TriageProperties.Rule rule, Keywords keywords) {

        CompiledRule(TriageProperties.Rule rule) {
            this(rule, new Keywords(rule.keywords()));
        }

        /** Why the rule matches the complaint, or nothing when one of its conditions fails. */
        Optional<String> matches(ComplaintSubmitted complaint) {
            StringBuilder why = new StringBuilder();
            if (!rule.categories().isEmpty()) {
                if (!rule.categories().contains(complaint.category())) {
                    return Optional.empty();
                }
                why.append("category ").append(complaint.category());
            }
            if (!rule.respondentTypes().isEmpty()) {
                if (!rule.respondentTypes().contains(complaint.respondent().type())) {
                    return Optional.empty();
                }
                why.append(why.isEmpty() ? "" : ", ").append("organisation type ").append(complaint.respondent().type());
            }
            if (!keywords.isEmpty()) {
                Optional<String> keyword = keywords.firstIn(complaint.respondent().name(),
                        complaint.respondent().activity());
                if (keyword.isEmpty()) {
                    return Optional.empty();
                }
                why.append(why.isEmpty() ? "" : ", ").append("organisation mentions '").append(keyword.get()).append("'");
            }
            return why.isEmpty() ? Optional.empty() : Optional.of(why.toString());
        }
    }
}
