package fr.saisine.events;

import java.util.List;

/**
 * Every Kafka topic of Saisine, named once. Records on each are keyed by the complaint
 * reference, so that all the events of one complaint stay in one partition, in order.
 */
public final class Topics {

    /**
     * The complaint lifecycle: {@link ComplaintSubmitted}, {@link ComplaintTriaged},
     * {@link ComplaintStatusChanged}, {@link CaseAssigned}, {@link CaseMovedToSector}; and what the
     * complainant asks through their follow-up link: {@link FollowUpLinkRequested},
     * {@link ComplainantAnswered}, {@link WithdrawalRequested}; and its end: {@link ErasureOrdered} by
     * triage, answered by each service with {@link PersonalDataErased}.
     */
    public static final String COMPLAINT_EVENTS = "complaint-events";

    /**
     * What each complainant was told: {@link NotificationDelivered}, {@link NotificationFailed}, and
     * the follow-up links written into letters ({@link FollowUpLinkIssued}, the token's hash only).
     */
    public static final String NOTIFICATION_EVENTS = "notification-events";

    /**
     * The audit trail: one {@link AccessAudited} per read of personal data or refusal, from every
     * service, gathered by triage-service. Keyed by the actor's subject.
     */
    public static final String AUDIT_EVENTS = "audit-events";

    /**
     * The staff views' source: one {@link CaseSummary} per case version, published by triage, keyed
     * by reference. Compacted ({@code cleanup.policy=compact}): the latest record of each case is
     * kept for ever, so that reading it from the beginning rebuilds every case's latest summary.
     */
    public static final String CASE_VIEWS = "case-views";

    /** Every topic above: what the services' bindings may name (a test of each service checks it). */
    public static final List<String> ALL = List.of(COMPLAINT_EVENTS, NOTIFICATION_EVENTS, AUDIT_EVENTS,
            CASE_VIEWS);

    /** Dead letters carry the consuming group in their name, so each service's failures are apart. */
    public static String deadLetters(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    private Topics() {
    }
}
