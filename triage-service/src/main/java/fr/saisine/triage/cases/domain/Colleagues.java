package fr.saisine.triage.cases.domain;

import java.util.List;
import java.util.Optional;

import fr.saisine.events.StaffActor;
import fr.saisine.platform.security.StaffMember;

/**
 * The staff members Saisine has seen, with their sectors as their last token said: whom a sector
 * head can assign a case to. Saisine keeps no user table; the provider stays the authority on who
 * works where, and this only remembers who has signed in.
 */
public interface Colleagues {

    void remember(StaffMember staff);

    /** The colleague with this username, if they work cases in that sector. */
    Optional<StaffActor> inSector(String username, String sector);

    /** Everyone who works cases in that sector, by name. */
    List<StaffActor> of(String sector);
}
