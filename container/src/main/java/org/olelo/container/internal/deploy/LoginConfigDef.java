package org.olelo.container.internal.deploy;

/**
 * The {@code <login-config>} of sip.xml.
 *
 * <p>Immutable value; any thread.
 *
 * @param authMethod               BASIC, DIGEST or CLIENT-CERT, or null
 * @param realmName                the realm, or null
 * @param identityAssertionScheme  P-Asserted-Identity or Identity, or null
 * @param identityAssertionSupport NONE, SUPPORTED or REQUIRED, or null
 */
public record LoginConfigDef(String authMethod, String realmName, String identityAssertionScheme,
                             String identityAssertionSupport) {
}
