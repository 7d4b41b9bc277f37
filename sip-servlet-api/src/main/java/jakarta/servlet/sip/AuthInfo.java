package jakarta.servlet.sip;

import java.io.Serializable;

/**
 * Holds credentials for one or more authentication realms so that a UAC application can answer
 * 401 and 407 challenges with {@link SipServletRequest#addAuthHeader(SipServletResponse, AuthInfo)}.
 * Instances are obtained from {@link SipFactory#createAuthInfo()}.
 */
public interface AuthInfo extends Serializable {

    /**
     * Adds the credentials to use for one realm, replacing any earlier entry for the same status
     * code and realm.
     *
     * @param statusCode the challenge status: 401 (Unauthorized) or 407 (Proxy Authentication Required)
     * @param realm the realm named in the challenge
     * @param username the user name for that realm
     * @param password the password for that realm
     */
    void addAuthInfo(int statusCode, String realm, String username, String password);

    /**
     * Two {@code AuthInfo} objects are equal when they hold the same set of credentials.
     *
     * @param o the object to compare with
     * @return {@code true} if {@code o} holds the same credentials
     */
    @Override
    boolean equals(Object o);
}
