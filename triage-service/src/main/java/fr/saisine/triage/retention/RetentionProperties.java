package fr.saisine.triage.retention;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Triage's lines of the retention schedule ({@code saisine.retention.*}, docs/retention.md), each
 * overridable by environment ({@code SAISINE_RETENTION_AFTER_CLOSING=P5Y}...).
 *
 * @param afterClosing how long a case's personal data is kept after its last closing
 * @param auditLog how long an audit record is kept
 * @param schedule the cron of the daily run (second minute hour day month weekday)
 * @param reorderAfter an order of erasure not answered by every service by then is published again
 * @param reorderCheck how often the unanswered orders are looked for
 * @param services the services that answer each order: a run is complete once each has, for each case
 */
@ConfigurationProperties("saisine.retention")
public record RetentionProperties(
        @DefaultValue("P5Y") String afterClosing,
        @DefaultValue("P1Y") String auditLog,
        @DefaultValue("0 30 2 * * *") String schedule,
        @DefaultValue("PT1H") Duration reorderAfter,
        @DefaultValue("PT1M") Duration reorderCheck,
        @DefaultValue({"intake", "triage", "notification"}) List<String> services) {

    public RetentionProperties {
        Periods.parse("saisine.retention.after-closing", afterClosing);
        Periods.parse("saisine.retention.audit-log", auditLog);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("saisine.retention.services: at least this service answers an order");
        }
    }

    /** The period after closing, as a length of time from now back (years counted in days, 365.25 each). */
    public Periods.Period afterClosingPeriod() {
        return Periods.parse("saisine.retention.after-closing", afterClosing);
    }

    public Periods.Period auditLogPeriod() {
        return Periods.parse("saisine.retention.audit-log", auditLog);
    }
}
