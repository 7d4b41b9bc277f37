package org.olelo.container.internal.ua;

import jakarta.servlet.sip.InviteBranch;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.UAMode;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * One dialog of an INVITE: on the UAS side one of the To tags the application answers with, on
 * the UAC side one of the dialogs the callee's forking created. Used on the application session's
 * executor.
 */
public final class InviteBranchImpl extends SimpleAttributes implements InviteBranch {

    private final SipSessionImpl session;
    private final SipServletRequestImpl request;
    private final UAMode mode;
    private volatile SipServletResponse finalResponse;

    InviteBranchImpl(SipSessionImpl session, SipServletRequestImpl request, UAMode mode) {
        this.session = session;
        this.request = request;
        this.mode = mode;
    }

    /** Records the final response of this branch (sent for UAS, received for UAC). */
    public void finalResponse(SipServletResponse r) {
        if (finalResponse == null) {
            finalResponse = r;
        }
    }

    @Override
    public SipSession getSession() {
        return session;
    }

    @Override
    public SipServletRequest getRequest() {
        return request;
    }

    @Override
    public UAMode getMode() {
        return mode;
    }

    @Override
    public SipServletResponse getFinalResponse() {
        return finalResponse;
    }

    @Override
    public SipServletResponse createResponse(int statusCode, String reasonPhrase) {
        if (mode != UAMode.UAS) {
            throw new IllegalStateException("responses are created on the branches of a received INVITE");
        }
        if (finalResponse != null) {
            throw new IllegalStateException("this branch already has its final response");
        }
        return request.createResponseInSession(statusCode, reasonPhrase, session, UaRole.dialogOf(session).localTag());
    }
}
