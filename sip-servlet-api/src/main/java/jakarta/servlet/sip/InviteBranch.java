package jakarta.servlet.sip;

/**
 * One branch of an INVITE transaction that can create a dialog of its own. On the UAC side each
 * dialog created by a forked INVITE has a branch (see {@link SipServletResponse#getInviteBranch()});
 * on the UAS side an application creates extra branches with
 * {@link SipServletRequest#createInviteBranch()} to answer one INVITE on several early dialogs.
 * Each branch has its own {@link SipSession} and its own attributes.
 *
 * @since 2.0
 */
public interface InviteBranch extends AttributeStore {

    /**
     * Returns the session that represents this branch's dialog.
     *
     * @return the branch session
     */
    SipSession getSession();

    /**
     * Returns the INVITE request this branch belongs to.
     *
     * @return the INVITE request
     */
    SipServletRequest getRequest();

    /**
     * Tells whether the application is the caller ({@link UAMode#UAC}) or the callee
     * ({@link UAMode#UAS}) on this branch.
     *
     * @return the role of the application on this branch
     */
    UAMode getMode();

    /**
     * Returns the final response sent or received on this branch.
     *
     * @return the final response, or {@code null} if there is none yet
     */
    SipServletResponse getFinalResponse();

    /**
     * Creates a response to the INVITE that is sent on this branch, with the To tag of this
     * branch's dialog. Only available in {@link UAMode#UAS} mode.
     *
     * @param statusCode the status code
     * @param reasonPhrase the reason phrase, or {@code null} for the default one
     * @return the new response, not yet sent
     * @throws IllegalStateException if the branch is in UAC mode or a final response was already sent
     * @throws IllegalArgumentException if {@code statusCode} is not a valid response status (or is 100)
     */
    SipServletResponse createResponse(int statusCode, String reasonPhrase);
}
