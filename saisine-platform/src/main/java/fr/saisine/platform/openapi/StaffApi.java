package fr.saisine.platform.openapi;

/**
 * The name of the security scheme of the staff endpoints in every service's API description:
 * {@code @SecurityRequirement(name = StaffApi.SECURITY_SCHEME)} on what needs a staff token.
 */
public final class StaffApi {

    public static final String SECURITY_SCHEME = "staff";

    private StaffApi() {
    }
}
