package fr.saisine.events;

/** The kind of organisation complained about. */
public enum RespondentType {
    PUBLIC_BODY, COMPANY, ASSOCIATION, INDIVIDUAL
}
