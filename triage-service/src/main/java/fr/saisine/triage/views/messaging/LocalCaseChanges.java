package fr.saisine.triage.views.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import fr.saisine.events.CaseSummary;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.triage.views.domain.CaseViews;

/**
 * The summaries of the case versions this instance stores, applied to its views as soon as they are
 * stored, before the relay has carried them to case-views and back: an agent who moves a case sees
 * their queue without it on the very next page. Applying by version makes the copy that comes back
 * through the topic change nothing; other instances see the change once it is relayed.
 */
@Component
class LocalCaseChanges {

    private static final Logger log = LoggerFactory.getLogger(LocalCaseChanges.class);

    private final CaseViews views;

    LocalCaseChanges(CaseViews views) {
        this.views = views;
    }

    @EventListener
    void stored(CaseSummary summary) {
        try {
            views.apply(summary);
        }
        catch (RuntimeException ex) {
            // the change is stored and will come back through case-views: the agent's request has succeeded
            log.warn("case views: {} v{} not applied at once ({}); it will be from case-views", summary.reference(),
                    summary.version(), LogSafe.describe(ex));
        }
    }
}
