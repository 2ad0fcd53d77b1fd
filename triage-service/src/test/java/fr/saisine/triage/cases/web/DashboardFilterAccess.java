package fr.saisine.triage.cases.web;

/** The dashboard's filter for tests of the page's template, outside its package. */
public final class DashboardFilterAccess {

    private DashboardFilterAccess() {
    }

    public static Object empty() {
        return DashboardQueueFilter.of(null, null, null, null);
    }
}
