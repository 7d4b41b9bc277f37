package org.olelo.container.internal.ua;

import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.core.transaction.ServerTransaction;

/**
 * One INVITE transaction at a time in a dialog, and requests in CSeq order (RFC 3261 §12.2.2,
 * §14.1, §14.2), checked before the application sees a request or sends one:
 * <ul>
 *   <li>a request whose CSeq is not above the last one received is refused with 500, an INVITE
 *       with {@code Retry-After} as well;</li>
 *   <li>an INVITE received while our own INVITE in the dialog waits for its final response crossed
 *       it (glare): 491 Request Pending, and each side tries again later;</li>
 *   <li>an INVITE received while the peer's previous one has no final response yet: 500 with
 *       {@code Retry-After};</li>
 *   <li>the application may not send an INVITE while one is in progress in either direction:
 *       {@code send()} throws {@link IllegalStateException}. It is not queued: its CSeq was given
 *       when it was created, and requests created after it would reach the peer first, which the
 *       peer must refuse as out of order.</li>
 * </ul>
 * A B2BUA therefore never relays a second INVITE on one leg: the container answers it on the
 * other leg first.
 *
 * <p>Called on the application session's executor, which also owns the dialog state.
 */
final class InviteOverlap {

    /** The longest {@code Retry-After} a refusal carries; RFC 3261 §14.2 asks for 0 to 10 seconds. */
    static final int MAX_RETRY_AFTER_SECONDS = 10;

    private InviteOverlap() {
    }

    /**
     * Checks a request received in the dialog and answers it when it may not go on; updates the
     * remote CSeq of an INVITE refused for overlapping.
     *
     * @return true when the request was answered here (the application does not see it)
     */
    static boolean refused(DialogState d, SIPRequest r, ServerTransaction st) {
        long cseq = r.getCSeq().getSeqNumber();
        boolean invite = r.getMethod().equals("INVITE");
        if (d.remoteCSeq >= 0 && cseq <= d.remoteCSeq) {
            respond(st, 500, "Server Internal Error - CSeq " + cseq + " is not above " + d.remoteCSeq, invite);
            return true;
        }
        if (!invite) {
            return false;
        }
        if (pending(d, true)) {
            d.remoteCSeq = cseq;
            respond(st, 491, "Request Pending", false);
            return true;
        }
        if (pending(d, false)) {
            d.remoteCSeq = cseq;
            respond(st, 500, "Server Internal Error - an INVITE of this dialog is still in progress", true);
            return true;
        }
        return false;
    }

    /**
     * Refuses to send an INVITE while one is in progress in the dialog, in either direction.
     *
     * @throws IllegalStateException then
     */
    static void checkSend(DialogState d) {
        if (pending(d, true) || pending(d, false)) {
            throw new IllegalStateException("an INVITE transaction is in progress in this dialog; send the new INVITE"
                    + " once it has a final response (RFC 3261 §14.1)");
        }
    }

    /** True when an INVITE we sent ({@code ours}) or received waits for its final response. */
    private static boolean pending(DialogState d, boolean ours) {
        for (SipServletRequestImpl p : ours ? d.pendingOut : d.pendingIn) {
            if (p.getMethod().equals("INVITE") && (ours || !p.finalResponseSent())) {
                return true;
            }
        }
        return false;
    }

    private static void respond(ServerTransaction st, int status, String reason, boolean retryAfter) {
        SIPResponse resp;
        try {
            if (st.lastStatus() >= 200) {
                return;
            }
            resp = st.createResponse(status, reason);
            if (retryAfter) {
                RetryAfter ra = new RetryAfter();
                ra.setRetryAfter(ThreadLocalRandom.current().nextInt(MAX_RETRY_AFTER_SECONDS + 1));
                resp.setHeader(ra);
            }
        } catch (IllegalStateException | javax.sip.InvalidArgumentException e) {
            return; // answered meanwhile
        }
        st.sendResponseIfPending(resp);
    }
}
