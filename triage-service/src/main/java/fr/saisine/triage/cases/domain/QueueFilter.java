package fr.saisine.triage.cases.domain;

import java.util.Arrays;
import java.util.List;

import fr.saisine.events.CaseSummary;
import fr.saisine.events.Category;
import fr.saisine.events.Priority;
import fr.saisine.platform.security.StaffMember;

/**
 * Which of a sector's cases a queue lists: a status (null: every open one), an assignee
 * ({@value #ME}, {@value #UNASSIGNED} or a colleague's username; null: anyone or nobody), a
 * category and a priority (null: any).
 */
public record QueueFilter(CaseStatus status, String assignee, Category category, Priority priority) {

    public static final String ME = "me";
    public static final String UNASSIGNED = "unassigned";
    public static final QueueFilter OPEN = new QueueFilter(null, null, null, null);

    static final List<String> OPEN_STATUSES = Arrays.stream(CaseStatus.values())
            .filter(s -> s != CaseStatus.CLOSED).map(CaseStatus::name).toList();

    public boolean isEmpty() {
        return status == null && assignee == null && category == null && priority == null;
    }

    /** The statuses whose cases are listed: the one asked for, else every open one. */
    List<String> statuses() {
        return status == null ? OPEN_STATUSES : List.of(status.name());
    }

    boolean matches(CaseSummary c, StaffMember staff) {
        return (category == null || c.category() == category)
                && (priority == null || c.priority() == priority)
                && (assignee == null || assignedAsAsked(c, staff));
    }

    private boolean assignedAsAsked(CaseSummary c, StaffMember staff) {
        return switch (assignee) {
            case ME -> c.assignee() != null && staff.subject().equals(c.assignee().subject());
            case UNASSIGNED -> c.assignee() == null;
            default -> c.assignee() != null && assignee.equals(c.assignee().username());
        };
    }
}
