package fr.saisine.triage.cases.web;

import java.util.function.Predicate;

import fr.saisine.events.Category;
import fr.saisine.events.Priority;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.TriagedCase;

/**
 * The queue's filters, as the GET form sends them: a status, an assignee ({@value #ME},
 * {@value #UNASSIGNED} or a colleague's username; blank for anyone), a category and a priority.
 * A value that names nothing is dropped, so that an old bookmark still shows a queue.
 */
record DashboardQueueFilter(CaseStatus status, String assignee, Category category, Priority priority) {

    static final String ME = "me";
    static final String UNASSIGNED = "unassigned";

    static DashboardQueueFilter of(String status, String assignee, String category, String priority) {
        CaseStatus s = parse(CaseStatus.class, status);
        return new DashboardQueueFilter(DashboardLabels.OPEN_STATUSES.contains(s) ? s : null,
                assignee == null || assignee.isBlank() ? null : assignee.strip(), parse(Category.class, category),
                parse(Priority.class, priority));
    }

    public boolean isEmpty() {
        return status == null && assignee == null && category == null && priority == null;
    }

    Predicate<TriagedCase> of(StaffMember staff) {
        return c -> (status == null || c.status() == status)
                && (category == null || c.category() == category)
                && (priority == null || c.priority() == priority)
                && (assignee == null || assignedAsAsked(c, staff));
    }

    private boolean assignedAsAsked(TriagedCase c, StaffMember staff) {
        return switch (assignee) {
            case ME -> c.assignee() != null && staff.subject().equals(c.assignee().subject());
            case UNASSIGNED -> c.assignee() == null;
            default -> c.assignee() != null && assignee.equals(c.assignee().username());
        };
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        }
        catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
