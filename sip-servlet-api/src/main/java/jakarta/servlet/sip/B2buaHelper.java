package jakarta.servlet.sip;

import java.util.List;
import java.util.Map;

/**
 * Helper for applications acting as back-to-back user agents (B2BUA): it creates the request of
 * one leg from the request of the other and keeps the two legs linked. Obtained from
 * {@link SipServletRequest#getB2buaHelper()}; once obtained, the request can no longer be proxied.
 *
 * <p>In the header maps taken by the {@code createRequest} methods, each entry sets (replacing
 * the copied values) a non-system header of the new request. From and To may be given to change
 * their display name, URI and non-tag parameters; Route may be given for initial requests;
 * Contact may be given to change its user part and parameters. Any other system header is an error.
 *
 * @since 1.1
 */
public interface B2buaHelper {

    /**
     * Returns the session linked to the given one.
     *
     * @param session a session of this application
     * @return the linked session, or {@code null} if there is none
     * @throws IllegalArgumentException if {@code session} is invalid or does not belong to this application
     */
    SipSession getLinkedSession(SipSession session);

    /**
     * Returns the request of the other leg linked to the given one.
     *
     * @param req a request of one leg
     * @return the linked request, or {@code null} if there is none
     */
    SipServletRequest getLinkedSipServletRequest(SipServletRequest req);

    /**
     * Links two sessions so that each is the other's linked session.
     *
     * @param session1 the first session
     * @param session2 the second session
     * @throws IllegalArgumentException if a session is terminated, already linked to another
     *         session, or the two belong to different application sessions
     * @throws NullPointerException if a session is {@code null}
     */
    void linkSipSessions(SipSession session1, SipSession session2);

    /**
     * Removes the link between a session and its linked session.
     *
     * @param session one of the linked sessions
     * @throws IllegalArgumentException if the session is not linked or is terminated
     */
    void unlinkSipSessions(SipSession session);

    /**
     * Returns the messages of a session still waiting for a final response, or (for 2xx
     * responses to INVITE) for an ACK, in the given role, oldest first.
     *
     * @param session the session
     * @param mode {@link UAMode#UAC} for messages sent by the application, {@link UAMode#UAS}
     *        for messages received
     * @return the pending messages, empty if there are none
     * @throws IllegalArgumentException if {@code session} is invalid
     */
    List<SipServletMessage> getPendingMessages(SipSession session, UAMode mode);

    /**
     * Creates a response to the original request received on a session derived by forking, so
     * that the upstream leg can get several dialogs (several early or 2xx responses with
     * different To tags) when the downstream leg forks.
     *
     * @param session a session derived from the session of the original request
     * @param status the status code
     * @param reasonPhrase the reason phrase, or {@code null} for the default one
     * @return the new response, not yet sent
     * @throws IllegalArgumentException if {@code session} is invalid or not a UAS session
     * @throws IllegalStateException if a final response has already been sent on the session
     */
    SipServletResponse createResponseToOriginalRequest(SipSession session, int status, String reasonPhrase);

    /**
     * Creates the request of a new leg from a request received on the other leg: same method,
     * body and non-system headers, in a new {@link SipSession} of the same application session,
     * with Max-Forwards decremented.
     *
     * @param origRequest the request received
     * @param linked whether the new session and request are linked to the original ones
     * @param headerMap headers to set on the new request (see the class description), or {@code null}
     * @return the new request, not yet sent
     * @throws IllegalArgumentException if {@code headerMap} sets a system header that may not be set
     * @throws TooManyHopsException if the Max-Forwards of {@code origRequest} is 0
     */
    SipServletRequest createRequest(SipServletRequest origRequest, boolean linked,
            Map<String, List<String>> headerMap) throws IllegalArgumentException, TooManyHopsException;

    /**
     * Creates the request of a new leg from a request received on the other leg, in a new
     * {@link SipSession} of the same application session; the new session and request are linked
     * to the original ones.
     *
     * @param origRequest the request received
     * @return the new request, not yet sent
     */
    SipServletRequest createRequest(SipServletRequest origRequest);

    /**
     * Creates a subsequent request on an existing leg from a request received on the other leg,
     * for example to relay a BYE or re-INVITE; the two requests are linked.
     *
     * @param session the session of the leg the request is sent on
     * @param origRequest the request received on the other leg
     * @param headerMap headers to set on the new request (see the class description), or {@code null}
     * @return the new request, not yet sent
     * @throws IllegalArgumentException if {@code headerMap} sets a system header that may not be
     *         set, or {@code session} is invalid or belongs to another application session
     */
    SipServletRequest createRequest(SipSession session, SipServletRequest origRequest,
            Map<String, List<String>> headerMap) throws IllegalArgumentException;

    /**
     * Creates a CANCEL for the INVITE the application sent on a session and that has no final
     * response yet.
     *
     * @param session the session of the INVITE
     * @return the CANCEL request, not yet sent
     * @throws IllegalArgumentException if {@code session} is invalid
     * @throws IllegalStateException if there is no INVITE to cancel on the session
     * @since 1.1
     */
    SipServletRequest createCancel(SipSession session);
}
