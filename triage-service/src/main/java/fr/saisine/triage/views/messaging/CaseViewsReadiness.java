package fr.saisine.triage.views.messaging;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import fr.saisine.triage.views.domain.CaseViews;

/**
 * {@code caseViews} in the readiness group: DOWN until the views have read case-views up to where
 * it stood at start-up, so that no instance serves a queue with fewer cases than there are.
 */
public final class CaseViewsReadiness implements HealthIndicator {

    private final CaseViewsFeed feed;
    private final CaseViews views;

    public CaseViewsReadiness(CaseViewsFeed feed, CaseViews views) {
        this.feed = feed;
        this.views = views;
    }

    @Override
    public Health health() {
        Health.Builder health = feed.caughtUp() ? Health.up() : Health.down().withDetail("reason", "catching up with " + feed.topic());
        return health.withDetail("cases", views.size()).build();
    }
}
