package fr.saisine.events;

/** What the complaint is about. */
public enum Category {
    VIDEO_SURVEILLANCE, ACCESS_RIGHT, ERASURE_RIGHT, MARKETING, DELISTING, EMPLOYEE_MONITORING, HEALTH_DATA, DATA_BREACH, OTHER
}
