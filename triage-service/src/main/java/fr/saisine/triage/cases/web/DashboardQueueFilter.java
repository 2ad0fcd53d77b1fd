package fr.saisine.triage.cases.web;

import fr.saisine.events.Category;
import fr.saisine.events.Priority;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.QueueFilter;

/**
 * The queue's filters, as the GET form sends them: a status, an assignee ({@value #ME},
 * {@value #UNASSIGNED} or a colleague's username; blank for anyone), a category and a priority.
 * A value that names nothing is dropped, so that an old bookmark still shows a queue.
 */
record DashboardQueueFilter(CaseStatus status, String assignee, Category category, Priority priority) {

    static final String ME = QueueFilter.ME;
    static final String UNASSIGNED = QueueFilter.UNASSIGNED;

    static DashboardQueueFilter of(String status, String assignee, String category, String priority) {
        CaseStatus s = parse(CaseStatus.class, status);
        return new DashboardQueueFilter(DashboardLabels.OPEN_STATUSES.contains(s) ? s : null,
                assignee == null || assignee.isBlank() ? null : assignee.strip(), parse(Category.class, category),
                parse(Priority.class, priority));
    }

    public boolean isEmpty() {
        return status == null && assignee == null && category == null && priority == null;
    }

    /** The filter as the staff views apply it. */
    QueueFilter asQueueFilter() {
        return new QueueFilter(status, assignee, category, priority);
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
