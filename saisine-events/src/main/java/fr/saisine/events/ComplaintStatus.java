package fr.saisine.events;

/** Where a complaint stands in its lifecycle (DESIGN.md, "The complaint lifecycle"). */
public enum ComplaintStatus {
    SUBMITTED, TRIAGED, UNDER_REVIEW, INFORMATION_REQUESTED, INTERVENTION, CLOSED, REOPENED
}
