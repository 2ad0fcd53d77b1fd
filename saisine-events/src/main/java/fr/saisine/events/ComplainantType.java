package fr.saisine.events;

/** Who complains: a person, or an organisation speaking through its representatives. */
public enum ComplainantType {
    PERSON, ORGANISATION
}
