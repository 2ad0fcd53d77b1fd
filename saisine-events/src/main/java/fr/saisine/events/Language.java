package fr.saisine.events;

/** The language the complainant is written to in; French unless they chose English. */
public enum Language {
    fr, en
}
