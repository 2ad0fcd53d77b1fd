package fr.saisine.triage.cases.domain;

import static fr.saisine.triage.cases.domain.CaseStatus.CLOSED;
import static fr.saisine.triage.cases.domain.CaseStatus.INFORMATION_REQUESTED;
import static fr.saisine.triage.cases.domain.CaseStatus.INTERVENTION;
import static fr.saisine.triage.cases.domain.CaseStatus.REOPENED;
import static fr.saisine.triage.cases.domain.CaseStatus.TRIAGED;
import static fr.saisine.triage.cases.domain.CaseStatus.UNDER_REVIEW;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.MessageKind;

/**
 * The case lifecycle, at a glance: from each status, where staff may take a case. SUBMITTED to
 * TRIAGED is the routing rules' step, never a person's. Served to the dashboard, which offers
 * exactly these.
 */
public final class Lifecycle {

    private static final Map<CaseStatus, List<CaseStatus>> NEXT = new EnumMap<>(Map.of(
            TRIAGED,               List.of(UNDER_REVIEW),
            UNDER_REVIEW,          List.of(INFORMATION_REQUESTED, INTERVENTION, CLOSED),
            INFORMATION_REQUESTED, List.of(UNDER_REVIEW),
            INTERVENTION,          List.of(UNDER_REVIEW, CLOSED),
            CLOSED,                List.of(REOPENED),
            REOPENED,              List.of(UNDER_REVIEW)));

    private Lifecycle() {
    }

    public static List<CaseStatus> next(CaseStatus from) {
        return NEXT.getOrDefault(from, List.of());
    }

    public static boolean allows(CaseStatus from, CaseStatus to) {
        return next(from).contains(to);
    }

    /** Whether this change brings the complainant a letter (the rule notification-service follows). */
    public static boolean writesToComplainant(CaseStatus from, CaseStatus to) {
        return MessageKind.forStatusChange(ComplaintStatus.valueOf(from.name()), ComplaintStatus.valueOf(to.name()))
                .isPresent();
    }
}
