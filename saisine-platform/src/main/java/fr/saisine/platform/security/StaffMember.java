package fr.saisine.platform.security;

import java.util.List;
import java.util.Set;

/** A signed-in member of staff: who the provider says they are, their roles and their sectors. */
public record StaffMember(String subject, String username, String name, Set<StaffRole> roles, Set<String> sectors) {

    public StaffMember {
        roles = Set.copyOf(roles);
        sectors = Set.copyOf(sectors);
    }

    /** Whether this member works the cases of the sector: an agent or head of it. */
    public boolean worksIn(String sector) {
        return sector != null && sectors.contains(sector) && worksCases();
    }

    public boolean worksCases() {
        return roles.contains(StaffRole.AGENT) || roles.contains(StaffRole.SECTOR_HEAD);
    }

    public boolean is(StaffRole role) {
        return roles.contains(role);
    }

    /** The name to show and record: the display name, else the username, else the subject. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : username != null ? username : subject;
    }

    public List<String> sortedSectors() {
        return sectors.stream().sorted().toList();
    }

    public List<String> sortedRoles() {
        return roles.stream().map(Enum::name).sorted().toList();
    }
}
