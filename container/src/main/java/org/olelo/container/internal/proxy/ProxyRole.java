package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.AutomaticProcessingListener;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.UAMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.security.ClientDigest;
import org.olelo.container.internal.session.SessionRole;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.usage.DialogUsages;
import org.olelo.container.internal.usage.Subscription;

/**
 * The role of a session whose application proxies its dialog: the proxy of the initial request
 * until it is answered, whether the application supervises the responses, and, once a
 * record-routed INVITE is answered, the {@link ProxiedDialog} that lets the container end the call
 * on its behalf. The session's state follows the responses the proxy forwards. Runs on the
 * application session's executor; the supervised flag is also read on transport reader threads.
 */
public final class ProxyRole implements SessionRole {

    private final SipSessionImpl session;
    /** The proxy of the initial request, until the call is answered (the session keeps no message after that). */
    private volatile ProxyImpl initial;
    private volatile boolean supervised = true;
    private volatile ProxiedDialog dialog;
    /** The usages of a record-routed dialog once it carries a subscription; null before (most calls). */
    private DialogUsages usages;
    /** Whether a 2xx to the initial INVITE made the record-routed dialog a call. */
    private boolean call;
    /** The parties of the record-routed INVITE dialog, from the last response with a To tag. */
    private volatile org.olelo.container.internal.session.DialogParties parties;

    /** Accepted-state relays that still hand 2xx to a branch of this session's proxy; let go at invalidation. */
    private final java.util.List<AcceptedRelay> accepted = new java.util.ArrayList<>(1);
    private boolean released;

    /** The role of {@code session} from now on; {@link #proxying} names its proxy. */
    public ProxyRole(SipSessionImpl session) {
        this.session = session;
    }

    /** The session. */
    SipSessionImpl session() {
        return session;
    }

    /** Records the proxy of the session's initial request. */
    public void proxying(ProxyImpl p) {
        this.initial = p;
    }

    /**
     * Keeps a relay that hands further 2xx to a branch until the session is invalidated; one made
     * after that is let go at once. Any thread.
     */
    void accepted(AcceptedRelay relay) {
        synchronized (accepted) {
            if (!released) {
                accepted.add(relay);
                return;
            }
        }
        relay.release();
    }

    /** The session is gone: the transactions still in their Accepted state keep only a relay. */
    @Override
    public void invalidated() {
        synchronized (accepted) {
            released = true;
            accepted.forEach(AcceptedRelay::release);
            accepted.clear();
        }
    }

    /** Whether the application wants to see the responses to requests proxied in this dialog. */
    public boolean supervised() {
        return supervised;
    }

    /** Records whether the application supervises the proxying of this dialog. */
    public void setSupervised(boolean s) {
        this.supervised = s;
    }

    /** Notes a request relayed inside the record-routed dialog (its CSeq, for the BYEs the container may send). */
    public void seen(SIPRequest r) {
        ProxiedDialog d = dialog;
        if (d != null) {
            d.seen(r);
        }
    }

    /** True when an answered, record-routed INVITE left a dialog the container can end. */
    public boolean holdsDialog() {
        return dialog != null;
    }

    /**
     * Moves the session's state with a response the proxy forwards upstream: early on a provisional
     * with a To tag, confirmed on a 2xx to the INVITE (then the proxy is let go), terminated on a
     * failure or on the 2xx to a BYE.
     *
     * @param recordRouted whether the proxy record-routed the initial request
     */
    void forwarded(SipServletRequestImpl original, boolean subsequent, boolean recordRouted, int status, SIPResponse r) {
        SipSessionImpl s = session;
        if (!s.isValid()) {
            return;
        }
        String method = original.getMethod();
        boolean invite = method.equals("INVITE");
        if (status >= 200) {
            s.dialogObserver().proxiedFinal(s, original.jainRequest(), subsequent, r);
        }
        org.olelo.container.internal.session.DialogParties known = parties;
        if (invite && !subsequent && recordRouted && r.getToTag() != null
                && (known == null || !r.getToTag().equals(known.toTag()))) {
            SIPRequest q = original.jainRequest();
            parties = org.olelo.container.internal.session.DialogParties.of(q.getCallId().getCallId(),
                    q.getFrom().getAddress(), q.getFromTag(), q.getTo().getAddress(), r.getToTag(), true);
        }
        if (subsequent) {
            inDialog(original, status, r);
            return;
        }
        if (status < 200) {
            if (invite && r.getToTag() != null && s.getState() == SipSession.State.INITIAL) {
                s.setState(SipSession.State.EARLY);
            }
        } else if (status < 300) {
            if (invite) {
                if (recordRouted && dialog == null) {
                    dialog = new ProxiedDialog(original.jainRequest(), r);
                }
                initial = null; // answered: the session keeps no message for the call's lifetime
                call = true;
                if (usages != null) {
                    usages.inviteStarted();
                }
                s.setState(SipSession.State.CONFIRMED);
            } else if (!method.equals("SUBSCRIBE") && !method.equals("REFER")) {
                s.setState(SipSession.State.TERMINATED);
            } else if (recordRouted) {
                if (usages == null) { // else NOTIFYs came first and already made (or ended) the subscription
                    usages().confirmed(Subscription.of(original.jainRequest()));
                }
                s.setState(usages.over() ? SipSession.State.TERMINATED : SipSession.State.CONFIRMED);
            } else {
                s.setState(SipSession.State.TERMINATED); // the dialog does not pass through this proxy
            }
        } else {
            s.setState(SipSession.State.TERMINATED);
        }
    }

    /**
     * A final response to a request relayed in the record-routed dialog: a BYE ends the INVITE
     * usage, a 2xx to SUBSCRIBE or REFER or a NOTIFY starts a subscription, a terminating or failed
     * NOTIFY ends one (RFC 6665 §4.2.2); the session ends with the dialog's last usage.
     */
    private void inDialog(SipServletRequestImpl request, int status, SIPResponse r) {
        if (status < 200) {
            return;
        }
        SIPRequest req = request.jainRequest();
        String method = req.getMethod();
        boolean over = false;
        if (method.equals("BYE") && status < 300) {
            over = usages == null || usages.inviteEnded();
        } else if (method.equals("NOTIFY")) {
            Subscription sub = Subscription.of(req);
            if (Subscription.endedBy(req, status, r)) {
                over = usages().ended(sub) && !starting();
            } else if (status < 300) {
                usages().confirmed(sub); // a NOTIFY may come before the 2xx to its SUBSCRIBE
            }
        } else if ((method.equals("SUBSCRIBE") || method.equals("REFER")) && status < 300) {
            usages().confirmed(Subscription.of(req));
        } else if (method.equals("SUBSCRIBE") && status == 481 && usages != null) {
            over = usages.refused(Subscription.of(req), status);
        }
        if (over) {
            session.setState(SipSession.State.TERMINATED);
        }
    }

    /** The usages of the dialog, made on first use (with the INVITE usage when the dialog is a call). */
    private DialogUsages usages() {
        if (usages == null) {
            usages = new DialogUsages(call);
        }
        return usages;
    }

    /** True while the initial SUBSCRIBE or REFER of the session is still unanswered. */
    private boolean starting() {
        ProxyImpl p = initial;
        return p != null && !p.original().finalResponseSent() && !p.original().getMethod().equals("INVITE");
    }

    @Override
    public org.olelo.container.internal.session.DialogParties dialogParties() {
        return parties;
    }

    @Override
    public Proxy proxy(SipServletRequestImpl request) {
        throw new IllegalStateException("a request inside a proxied dialog is proxied by the container");
    }

    @Override
    public void authorize(SipServletRequestImpl request, SipServletResponseImpl challenge,
                          BiFunction<String, Integer, String[]> credentials) {
        ClientDigest.authorize(request, challenge, credentials);
    }

    /** The application answers a request itself: allowed until the proxy has started a branch. */
    @Override
    public void send(SipServletResponseImpl response) {
        SipServletRequestImpl req = (SipServletRequestImpl) response.getRequest();
        Proxy p = req.proxyIfAny();
        if (p instanceof ProxyImpl pi && pi.getOriginalRequest() != null && pi.started()) {
            throw new IllegalStateException("the request is being proxied; it cannot also be answered");
        }
        response.echoRegisterPath();
        response.transmit();
        session.answered(req, response.getStatus());
    }

    @Override
    public SipServletRequest createRequest(String method) {
        throw new IllegalStateException("session " + session.getId() + " is not a user-agent session");
    }

    @Override
    public jakarta.servlet.sip.ForkingContext forkingContext() {
        throw new IllegalStateException("session " + session.getId() + " is not a user-agent session");
    }

    @Override
    public Collection<SipServletRequest> activeRequests(UAMode mode) {
        List<SipServletRequest> out = new ArrayList<>(1);
        ProxyImpl p = initial;
        if (mode == UAMode.UAS && p != null && !p.original().finalResponseSent()) {
            out.add(p.original());
        }
        return out;
    }

    @Override
    public void terminateDialog(AutomaticProcessingListener listener) {
        throw new IllegalStateException("a proxy session is ended with terminateProxiedDialog");
    }

    /** Ends the proxied dialog: CANCEL while it is early, else BYE towards the chosen party or both. */
    @Override
    public void terminateProxiedDialog(UAMode mode, AutomaticProcessingListener listener) {
        SipSessionImpl s = session;
        if (!s.isValid()) {
            throw new IllegalStateException("session is invalid or does not proxy a dialog");
        }
        if (s.getState() == SipSession.State.EARLY || s.getState() == SipSession.State.INITIAL) {
            ProxyImpl p = initial;
            if (p != null && p.started()) {
                p.cancel();
                return;
            }
            throw new IllegalStateException("the dialog has not been proxied yet");
        }
        ProxiedDialog d = dialog;
        if (d == null || s.getState() != SipSession.State.CONFIRMED) {
            throw new IllegalStateException("session does not hold a confirmed record-routed dialog");
        }
        d.terminate(s, mode, listener);
        s.setState(SipSession.State.TERMINATED);
    }

    /** A confirmed dialog can be ended only when it was record-routed; an early one is cancelled. */
    @Override
    public boolean hangUp() {
        if (session.getState() == SipSession.State.CONFIRMED && dialog == null) {
            return false;
        }
        terminateProxiedDialog(null, null);
        return true;
    }
}
