package jakarta.servlet.sip;

import java.util.Set;

/**
 * Groups the {@link SipSession}s that belong to the same dialog-creating request: the original
 * session and the sessions the container derives from it when forking creates more than one
 * dialog. A forking context exists from the moment the first such session is created and stays
 * valid while at least one of its sessions is valid. Obtained with
 * {@link SipSession#getForkingContext()}; attributes bound to it are shared by all its sessions.
 *
 * @since 2.0
 */
public interface ForkingContext extends AttributeStore {

    /**
     * Returns the sessions of this forking context, the original one and all derived ones.
     *
     * @return the sessions, never {@code null}
     * @throws IllegalStateException if this forking context is no longer valid
     */
    Set<SipSession> getSipSessions();

    /**
     * Terminates every dialog of this forking context except those of the given sessions, as
     * {@link SipSession#terminateDialog(AutomaticProcessingListener)} does for one session.
     * Sessions derived later in this forking context are terminated as soon as they are created.
     *
     * @param listener receives the messages the container sends and receives while terminating,
     *        or {@code null}
     * @param sessions sessions of this forking context whose dialogs are kept
     * @throws IllegalStateException if this forking context is no longer valid
     */
    void terminateDialogs(AutomaticProcessingListener listener, SipSession... sessions);

    /**
     * Tells whether this forking context is still valid, that is whether one of its sessions is.
     *
     * @return {@code true} while at least one session of the context is valid
     */
    boolean isValid();

    /**
     * Creates a request that starts a new dialog in this forking context, for example a NOTIFY
     * creating a new subscription dialog for a forked SUBSCRIBE (RFC 6665). The new dialog gets a
     * new derived {@link SipSession}.
     *
     * @param method the request method
     * @return the new request, not yet sent
     * @throws IllegalArgumentException if {@code method} cannot be sent this way (ACK, CANCEL)
     * @throws IllegalStateException if this forking context is no longer valid
     */
    SipServletRequest createRequest(String method);
}
