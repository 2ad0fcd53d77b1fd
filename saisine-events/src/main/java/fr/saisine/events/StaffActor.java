package fr.saisine.events;

/**
 * Who changed a case: a member of staff, as the OpenID Connect provider named them, or the
 * complainant through their follow-up link ({@link #complainant}: subject {@value #COMPLAINANT}, no
 * username, the name of the recipient who acted).
 */
public record StaffActor(String subject, String username, String name) {

    /** The subject of a change the complainant made: it is no account of the provider's. */
    public static final String COMPLAINANT = "complainant";

    public static StaffActor complainant(String name) {
        return new StaffActor(COMPLAINANT, null, name);
    }
}
