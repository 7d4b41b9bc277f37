package org.olelo.apps.b2bua;

import jakarta.servlet.sip.Rel100Exception;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Reliable provisional responses (RFC 3262) across the two legs.
 *
 * <p>A reliable 1xx from the callee is relayed reliably when the caller's INVITE offered 100rel
 * (Supported or Require): the caller's PRACK is then turned into a PRACK for the callee's
 * response, carrying its body, and the callee's answer to that PRACK answers the caller's. So an
 * offer or answer in PRACK reaches the other side, as it would without the B2BUA. When the caller
 * did not offer 100rel, the B2BUA acknowledges the callee's response itself (PRACK without body)
 * and relays an ordinary 1xx; an SDP answer in that 1xx still reaches the caller.
 *
 * <p>Runs on the application session's executor, like the servlet.
 */
final class ReliableRelay {

    /** Session attribute prefix on the caller's leg: RSeq sent to the caller -> callee's 1xx. */
    private static final String PENDING = "org.olelo.apps.b2bua.prack.";

    /** Request attribute on a PRACK sent to the callee: the caller's PRACK it answers. */
    static final String CALLER_PRACK = "org.olelo.apps.b2bua.callerPrack";

    private ReliableRelay() {
    }

    /** True for a 1xx that asks for PRACK. */
    static boolean isReliable(SipServletResponse r) {
        return r.getStatus() > 100 && r.getStatus() < 200 && r.getHeader("RSeq") != null
                && lists(r.getHeaders("Require"));
    }

    /** True when the caller's request offers or requires 100rel. */
    static boolean offered(SipServletRequest req) {
        return lists(req.getHeaders("Supported")) || lists(req.getHeaders("Require"));
    }

    private static boolean lists(java.util.ListIterator<String> values) {
        while (values.hasNext()) {
            for (String tag : values.next().split(",")) {
                if (tag.trim().toLowerCase(Locale.ROOT).equals("100rel")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Sends {@code out}, the caller-side copy of the callee's provisional response {@code theirs}.
     *
     * @param caller the caller's INVITE
     */
    static void send(SipServletResponse theirs, SipServletResponse out, SipServletRequest caller)
            throws IOException, Rel100Exception {
        if (!isReliable(theirs)) {
            out.send();
            return;
        }
        if (offered(caller)) {
            try {
                out.sendReliably();
                out.getSession().setAttribute(PENDING + out.getHeader("RSeq"), theirs);
                return;
            } catch (Rel100Exception e) {
                // cannot happen after the checks above; fall back to acknowledging it ourselves
            }
        }
        theirs.createPrack().send();
        out.send();
    }

    /** The caller's PRACK: relayed to the callee as the PRACK of the response it acknowledges. */
    static void onPrack(SipServletRequest prack) throws IOException, Rel100Exception {
        String rack = prack.getHeader("RAck");
        String rseq = rack == null ? "" : rack.trim().split("\\s+")[0];
        Object theirs = prack.getSession().getAttribute(PENDING + rseq);
        if (!(theirs instanceof SipServletResponse resp)) {
            // the container matched the RAck to a response we sent reliably on our own: accept it
            prack.createResponse(SipServletResponse.SC_OK).send();
            return;
        }
        prack.getSession().removeAttribute(PENDING + rseq);
        SipServletRequest p = resp.createPrack();
        Relay.content(prack, p);
        p.setAttribute(CALLER_PRACK, prack);
        p.send();
    }
}
