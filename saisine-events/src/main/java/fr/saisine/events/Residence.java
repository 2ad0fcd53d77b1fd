package fr.saisine.events;

/** Where the complainant lives; it lengthens the time to appeal. */
public enum Residence {
    METROPOLITAN_FRANCE, OVERSEAS, ABROAD
}
