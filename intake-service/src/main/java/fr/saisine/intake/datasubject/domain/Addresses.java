package fr.saisine.intake.datasubject.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.saisine.events.ComplaintSubmitted;

/**
 * The email addresses a complaint names, and how an address is known in the index: trimmed,
 * lower-cased, then hashed (SHA-256, hex), so that the index holds no address in clear.
 */
public final class Addresses {

    /** The parts a person plays in a complaint, as the data-subject answer names them. */
    public enum Role { COMPLAINANT, REPRESENTATIVE }

    private Addresses() {
    }

    public static String normalised(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static String hash(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised(email).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }

    /** Every address the complaint names (the complainant's, each representative's), normalised, once each. */
    public static Set<String> of(ComplaintSubmitted complaint) {
        Set<String> addresses = new LinkedHashSet<>();
        var complainant = complaint.complainant();
        if (complainant == null) {
            return addresses;
        }
        add(addresses, complainant.email());
        if (complainant.representatives() != null) {
            complainant.representatives().forEach(r -> add(addresses, r.email()));
        }
        return addresses;
    }

    /** The parts the address plays in the complaint: none when the complaint does not name it. */
    public static List<Role> rolesOf(String email, ComplaintSubmitted complaint) {
        String wanted = normalised(email);
        List<Role> roles = new ArrayList<>();
        var complainant = complaint.complainant();
        if (complainant == null || wanted.isEmpty()) {
            return roles;
        }
        if (wanted.equals(normalised(complainant.email()))) {
            roles.add(Role.COMPLAINANT);
        }
        if (complainant.representatives() != null && complainant.representatives().stream()
                .anyMatch(r -> wanted.equals(normalised(r.email())))) {
            roles.add(Role.REPRESENTATIVE);
        }
        return roles;
    }

    private static void add(Set<String> addresses, String email) {
        String normalised = normalised(email);
        if (!normalised.isEmpty()) {
            addresses.add(normalised);
        }
    }
}
