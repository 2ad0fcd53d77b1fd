package fr.saisine.events;

/** Which letter a message is; one of each kind per recipient and complaint. */
public enum MessageKind {
    ACKNOWLEDGEMENT
}
