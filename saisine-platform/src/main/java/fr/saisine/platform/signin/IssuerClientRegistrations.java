package fr.saisine.platform.signin;

import java.util.function.Supplier;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.util.function.SingletonSupplier;

import fr.saisine.platform.security.SecurityProperties;

/**
 * The staff pages' one client registration, read from the issuer's discovery document on the first
 * sign-in rather than at start-up: the service starts while the provider is down, and a failed
 * discovery is tried again at the next sign-in. The code flow always carries PKCE.
 */
public final class IssuerClientRegistrations implements ClientRegistrationRepository {

    public static final String REGISTRATION_ID = "saisine";

    private final Supplier<ClientRegistration> registration;

    public IssuerClientRegistrations(SecurityProperties security, StaffClientProperties client) {
        this.registration = SingletonSupplier.of(() -> ClientRegistrations.fromIssuerLocation(security.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .scope("openid", "profile", "email")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .build());
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration.get() : null;
    }
}
