package org.olelo.container.internal;

import gov.nist.javax.sip.message.SIPRequest;
import jakarta.servlet.Servlet;
import jakarta.servlet.sip.SipSession;
import java.net.InetSocketAddress;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.proxy.ProxyImpl;
import org.olelo.container.internal.proxy.ProxyRole;
import org.olelo.container.internal.proxy.ResponseDelivery;
import org.olelo.container.internal.relay.InDialogRelay;
import org.olelo.container.internal.runtime.ContainerRuntime;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.ua.UserAgent;
import org.olelo.core.SipCore;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.transaction.ServerTransaction;
import org.olelo.core.transport.Transport;

/**
 * Requests that belong to a dialog, ACKs for 2xx responses, and CANCELs: each goes to the session
 * whose role handles it (a proxy session found by our signed Record-Route, a user-agent dialog
 * found by its tags), a dialog of another node taken over from the cluster's copies
 * ({@link DialogTakeover}), or is relayed or refused by {@link InDialogRelay}.
 *
 * <p>The entry points run on transport reader threads and only look sessions up in lock-free
 * tables; the work is queued on the session's application executor. An ACK that no session takes
 * is relayed on the reader thread ({@link Relays#ack}).
 */
final class InDialogDispatch {

    private final ContainerRuntime rt;
    private final SipCore core;
    private final InDialogRelay relay;
    private final UserAgent ua;
    private final Relays relays;
    private final DialogTakeover takeover;

    InDialogDispatch(ContainerRuntime rt, InDialogRelay relay, UserAgent ua, Relays relays, DialogTakeover takeover) {
        this.rt = rt;
        this.takeover = takeover;
        this.core = rt.core();
        this.relay = relay;
        this.ua = ua;
        this.relays = relays;
    }

    /**
     * A request inside a dialog: the proxy session that record-routed it (its signed Route entry),
     * else the user-agent dialog it belongs to, else relayed or refused by {@link InDialogRelay}.
     */
    void request(ServerTransaction st, SIPRequest r) {
        InDialogRelay.Route route = relay.classify(st.poppedRoute(), r);
        if (route == InDialogRelay.Route.NONE && relay.takeOverPeerEntry(r) != null) {
            relays.request(st); // a dialog of a node that is gone: relayed along its route set
            return;
        }
        if (route == InDialogRelay.Route.FORGED) {
            SipContainer.respond(st, 403, "Forbidden");
            core.statistics().count(CoreStatistics.Event.RELAY_REFUSED);
            return;
        }
        // a proxy application's Record-Route first: in a chain it comes before the user agent behind it
        SipSessionImpl s = route == InDialogRelay.Route.SIGNED ? sessionOf(st.poppedRoute()) : null;
        if (s != null && s.isValid() && s.role() instanceof ProxyRole) {
            SipApplicationSessionImpl as = s.parent();
            DeployedAppContext ctx = DeployedAppContext.of(as);
            if (ctx != null) {
                as.executor().execute(() -> proxied(ctx.app(), as, s, st));
                return;
            }
        }
        SipSessionImpl found = ua.dialogs().find(r.getCallId().getCallId(), r.getToTag(), r.getFromTag());
        SipSessionImpl d = found != null || !r.getMethod().equals("NOTIFY") ? found
                : ua.dialogs().subscriber(r.getCallId().getCallId(), r.getToTag()); // a NOTIFY before the 2xx
        if (d != null) {
            d.parent().executor().execute(() -> ua.uas().onRequest(d, st));
            return;
        }
        if (!takeover.request(st, r, () -> noDialog(route, st, r))) {
            noDialog(route, st, r);
        }
    }

    /** The take-over of other nodes' dialogs. */
    DialogTakeover takeover() {
        return takeover;
    }

    /** A request in no dialog of this node nor of a copy it could take over: relayed or refused. */
    private void noDialog(InDialogRelay.Route route, ServerTransaction st, SIPRequest r) {
        switch (relay.verdict(route, r)) {
            case RELAY -> relays.request(st);
            case NO_DIALOG -> SipContainer.respond(st, 481, "Call/Transaction Does Not Exist");
            case REFUSED -> SipContainer.respond(st, 403, "Forbidden - relaying denied");
        }
    }

    /** A request in a dialog a proxy application record-routed: its servlet sees it, then it is proxied on. */
    private void proxied(DeployedApp app, SipApplicationSessionImpl as, SipSessionImpl s, ServerTransaction st) {
        if (!s.isValid() || !(s.role() instanceof ProxyRole role)) {
            relays.request(st);
            return;
        }
        SIPRequest r = st.request();
        if (r == null) {
            return;
        }
        SipServletRequestImpl req = SipServletRequestImpl.received(st, r, s, false);
        st.setApplicationData(req);
        s.access();
        role.seen(r);
        Servlet servlet = app.servlet(s.handler());
        if (servlet != null) {
            ServletCalls.invoke(app, as, servlet, req, null);
        }
        if (req.finalResponseSent()) {
            return;
        }
        ResponseDelivery d = role.supervised() ? ServletCalls.delivery(as, s, role) : ResponseDelivery.NONE;
        ProxyImpl p = new ProxyImpl(rt, req, role, as.executor(), d, app.proxyTimeoutSeconds(), true);
        p.setSupervised(role.supervised());
        p.proxyTo(req.getRequestURI());
    }

    private SipSessionImpl sessionOf(RouteHeader popped) {
        if (popped == null || !(popped.getAddress().getURI() instanceof SipURI su)) {
            return null;
        }
        return rt.sessions().sipSession(su.getParameter(SipContainer.SESSION_PARAM));
    }

    /** An ACK for a 2xx: the user-agent dialog it acknowledges, or a proxy session's servlet then relayed. */
    void ack(SIPRequest ack, RouteHeader popped, Transport transport, InetSocketAddress source) {
        InDialogRelay.Route route = relay.classify(popped, ack);
        if (route == InDialogRelay.Route.NONE) {
            RouteHeader peer = relay.takeOverPeerEntry(ack);
            if (peer != null) {
                relays.ack(ack, peer, transport);
                return;
            }
        }
        if (route == InDialogRelay.Route.FORGED) {
            core.statistics().count(CoreStatistics.Event.RELAY_REFUSED);
            return; // an ACK is never answered
        }
        SipSessionImpl s = route == InDialogRelay.Route.SIGNED ? sessionOf(popped) : null;
        SipSessionImpl d = s != null && s.isValid() && s.role() instanceof ProxyRole ? null
                : ua.dialogs().find(ack.getCallId().getCallId(), ack.getToTag(), ack.getFromTag());
        if (d != null) {
            d.parent().executor().execute(() ->
                    ua.uas().onAck(d, SipServletRequestImpl.receivedAck(ack, d, transport, source, popped)));
            return;
        }
        if (s != null && s.isValid()) {
            SipApplicationSessionImpl as = s.parent();
            DeployedAppContext ctx = DeployedAppContext.of(as);
            Servlet servlet = ctx == null ? null : ctx.app().servlet(s.handler());
            if (servlet != null) {
                as.executor().execute(() -> {
                    ServletCalls.invoke(ctx.app(), as, servlet,
                            SipServletRequestImpl.receivedAck(ack, s, transport, source, popped), null);
                    relays.ack(ack, popped, transport);
                });
                return;
            }
        }
        if (relay.verdict(route, ack) == InDialogRelay.Verdict.RELAY) {
            relays.ack(ack, popped, transport);
        }
    }

    /**
     * A CANCEL the core answered: the proxy cancels its branches, or the INVITE gets 487 and then
     * the servlet sees the CANCEL (JSR 289: the application is told after the container answered,
     * so the INVITE is committed by then and cannot be answered again).
     */
    void cancel(ServerTransaction invite, ServerTransaction cancel) {
        SIPRequest cancelRequest = cancel.request(); // taken now: over TCP the CANCEL's transaction ends at once
        if (invite.applicationData() == null && invite.respondUnlessAttached(487, "Request Terminated")) {
            return; // no application had the request yet, and now none will (attachIfPending)
        }
        Object data = invite.applicationData();
        if (!(data instanceof SipServletRequestImpl req)) {
            SipContainer.respond(invite, 487, "Request Terminated");
            return;
        }
        SipSessionImpl s = SipSessionImpl.of(req);
        if (s == null) {
            if (req.proxyIfAny() instanceof ProxyImpl p) {
                p.cancelFromUpstream();
            } else {
                SipContainer.respond(invite, 487, "Request Terminated");
            }
            return;
        }
        SipApplicationSessionImpl as = s.parent();
        as.executor().execute(() -> {
            if (req.proxyIfAny() instanceof ProxyImpl p && p.started()) {
                p.cancelFromUpstream();
                return;
            }
            boolean unanswered = invite.lastStatus() < 200;
            SipContainer.respond(invite, 487, "Request Terminated");
            if (invite.lastStatus() >= 200) {
                req.commit();
            }
            DeployedAppContext ctx = DeployedAppContext.of(as);
            Servlet servlet = ctx == null || !unanswered ? null : ctx.app().servlet(s.handler());
            if (servlet != null) {
                SipServletRequestImpl c = SipServletRequestImpl.received(cancel,
                        cancelRequest != null ? cancelRequest : cancelOf(req.jainRequest()), s, false);
                ServletCalls.invoke(ctx.app(), as, servlet, c, null);
            }
            s.setState(SipSession.State.TERMINATED);
        });
    }

    /** The CANCEL of a request, rebuilt from it (RFC 3261 §9.1 fields). */
    private static SIPRequest cancelOf(SIPRequest invite) {
        try {
            return (SIPRequest) invite.createCancelRequest();
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException(e);
        }
    }
}
