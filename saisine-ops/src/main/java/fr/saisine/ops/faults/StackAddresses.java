package fr.saisine.ops.faults;

import java.net.URI;

/** Where the stack under test answers. */
public record StackAddresses(URI intake, URI triage, URI notification, String oidcIssuer, String mailHost,
        int imapPort, int smtpPort) {
}
