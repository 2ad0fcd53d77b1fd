package fr.saisine.platform.store;

/** A document's state at one version: 1 when created, +1 per change. */
public record Versioned<S>(String id, long version, S state) {
}
