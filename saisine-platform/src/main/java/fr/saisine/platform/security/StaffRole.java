package fr.saisine.platform.security;

import java.util.Optional;

/** What a staff member may do, as the provider's {@code roles} claim says (DESIGN.md, staff identity). */
public enum StaffRole {

    /** Reads and works the cases currently in their sectors. */
    AGENT,
    /** An agent who also assigns cases and sees the sector's figures. */
    SECTOR_HEAD,
    /** Reads the audit trail, never complaint content. */
    AUDITOR,
    /**
     * The data protection officer: answers requests about the authority's own processing (a
     * person's access and erasure requests, GDPR art. 15 and 17) across the services; works no case.
     */
    DPO;

    /** The role a claim value names; other values (the provider's own default roles) are none of ours. */
    static Optional<StaffRole> named(String value) {
        for (StaffRole role : values()) {
            if (role.name().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** As Spring Security names it, for {@code hasRole} rules. */
    public String authority() {
        return "ROLE_" + name();
    }
}
