package org.olelo.container.internal.ua;

import gov.nist.javax.sip.header.RAck;
import gov.nist.javax.sip.header.RSeq;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.Rel100Exception;
import jakarta.servlet.sip.SipErrorEvent;
import jakarta.servlet.sip.SipErrorListener;
import java.io.IOException;
import org.olelo.container.internal.message.OptionTags;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.core.transaction.TimerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reliable provisional responses (RFC 3262): RSeq numbering and retransmission until PRACK on the
 * server side, PRACK creation and duplicate suppression on the client side.
 *
 * <p>Runs on the application session's executor; timers hand their work to it.
 */
public final class ReliableProvisionals {

    private static final Logger LOG = LoggerFactory.getLogger(ReliableProvisionals.class);

    private final UserAgent ua;

    ReliableProvisionals(UserAgent ua) {
        this.ua = ua;
    }

    /** SipServletResponse.sendReliably: checks, RSeq, send, and retransmission until PRACK. */
    public void sendReliably(SipServletResponseImpl resp) throws Rel100Exception {
        SipServletRequestImpl req = (SipServletRequestImpl) resp.getRequest();
        if (!req.getMethod().equals("INVITE")) {
            throw new Rel100Exception(Rel100Exception.NOT_INVITE);
        }
        int status = resp.getStatus();
        if (status <= 100 || status >= 200) {
            throw new Rel100Exception(Rel100Exception.NOT_1XX);
        }
        SIPRequest r = req.jainRequest();
        if (!OptionTags.lists(r, "Supported", "100rel") && !OptionTags.lists(r, "Require", "100rel")) {
            throw new Rel100Exception(Rel100Exception.NO_REQ_SUPPORT);
        }
        SipSessionImpl s = SipSessionImpl.of(resp);
        DialogState d = ua.uas.state(s);
        long rseq = d.nextRSeq++;
        SIPResponse jr = resp.jainResponse();
        try {
            RSeq h = new RSeq();
            h.setSeqNumber(rseq);
            jr.setHeader(h);
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        if (!OptionTags.lists(jr, "Require", "100rel")) {
            jr.addHeader(Messages.header("Require", "100rel"));
        }
        resp.send();
        ReliableResponse rr = new ReliableResponse(resp, rseq, r.getCSeq().getSeqNumber(), r.getMethod());
        d.unacknowledgedProvisionals.add(rr);
        TimerSettings t = ua.core.config().timers();
        retransmit(s, d, rr, t.t1(), System.nanoTime() + t.timeout() * 1_000_000L);
    }

    private void retransmit(SipSessionImpl s, DialogState d, ReliableResponse rr, long interval, long deadline) {
        ua.rt.timers().schedule(() -> s.parent().executor().execute(() -> {
            if (!d.unacknowledgedProvisionals.contains(rr) || !s.isValid()) {
                return;
            }
            SipServletRequestImpl req = (SipServletRequestImpl) rr.response.getRequest();
            if (System.nanoTime() - deadline >= 0 || req.finalResponseSent()) {
                d.unacknowledgedProvisionals.remove(rr);
                if (!req.finalResponseSent()) {
                    noPrack(s, rr, req);
                }
                return;
            }
            try {
                req.transaction().sendResponse(rr.response.jainResponse());
            } catch (IllegalStateException e) {
                LOG.debug("reliable provisional not repeated: {}", e.getMessage());
            }
            retransmit(s, d, rr, interval * 2, deadline);
        }), interval);
    }

    /** RFC 3262 §3: no PRACK within 64*T1; the application hears of it and the INVITE is refused. */
    private void noPrack(SipSessionImpl s, ReliableResponse rr, SipServletRequestImpl req) {
        SipErrorEvent e = new SipErrorEvent(req, rr.response);
        for (SipErrorListener l : s.parent().app().listeners(SipErrorListener.class)) {
            try {
                l.noPrackReceived(e);
            } catch (RuntimeException ex) {
                LOG.warn("noPrackReceived listener failed", ex);
            }
        }
        if (!req.finalResponseSent()) {
            try {
                req.createResponse(504, "Server Time-out - no PRACK for a reliable provisional response").send();
            } catch (IOException | IllegalStateException ex) {
                LOG.debug("504 after missing PRACK not sent: {}", ex.toString());
            }
        }
    }

    /** Matches a received PRACK to an unacknowledged reliable provisional response; false when none matches. */
    boolean onPrack(DialogState d, SIPRequest prack) {
        RAck rack = (RAck) prack.getHeader(RAck.NAME);
        if (rack == null) {
            return false;
        }
        for (ReliableResponse rr : d.unacknowledgedProvisionals) {
            if (rr.rseq == rack.getRSequenceNumber() && rr.cseq == rack.getCSequenceNumber()
                    && rr.method.equalsIgnoreCase(rack.getMethod())) {
                d.unacknowledgedProvisionals.remove(rr);
                return true;
            }
        }
        return false;
    }

    /** UAC: true when a reliable provisional response repeats one already delivered (RFC 3262 §4). */
    boolean isRetransmission(DialogState d, SIPResponse r) {
        if (!OptionTags.isReliableProvisional(r)) {
            return false;
        }
        long rseq = ((RSeq) r.getHeader(RSeq.NAME)).getSeqNumber();
        if (d.lastRSeq >= 0 && rseq <= d.lastRSeq) {
            return true;
        }
        d.lastRSeq = rseq;
        return false;
    }

    /** SipServletResponse.createPrack for a reliable provisional response received. */
    public SipServletRequestImpl createPrack(SipServletResponseImpl resp) throws Rel100Exception {
        SIPResponse r = resp.jainResponse();
        if (!OptionTags.isReliableProvisional(r)) {
            throw new Rel100Exception(Rel100Exception.NOT_100rel);
        }
        SipSessionImpl s = SipSessionImpl.of(resp);
        DialogState d = UaRole.dialogOf(s);
        if (d == null || !d.established()) {
            throw new IllegalStateException("no early dialog for this response");
        }
        SIPRequest p = ua.build(d, "PRACK", ++d.localCSeq);
        d.reliableIn.remove(resp);
        RAck rack = new RAck();
        try {
            rack.setRSequenceNumber(((RSeq) r.getHeader(RSeq.NAME)).getSeqNumber());
            rack.setCSequenceNumber(r.getCSeq().getSeqNumber());
            rack.setMethod(r.getCSeq().getMethod());
        } catch (javax.sip.InvalidArgumentException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
        p.setHeader(rack);
        return SipServletRequestImpl.created(p, s, false);
    }

    /** Reliable provisional responses this session sent and that wait for PRACK. */
    public java.util.List<SipServletResponseImpl> unacknowledged(DialogState d) {
        return d.unacknowledgedProvisionals.stream().map(rr -> rr.response).toList();
    }
}
