package fr.saisine.events;

/** HIGH for sensitive processing: biometrics, facial recognition, health data, minors. */
public enum Priority {
    NORMAL, HIGH
}
