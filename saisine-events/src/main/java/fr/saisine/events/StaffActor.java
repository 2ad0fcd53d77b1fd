package fr.saisine.events;

/** A member of staff who changed a case, as the OpenID Connect provider named them. */
public record StaffActor(String subject, String username, String name) {
}
