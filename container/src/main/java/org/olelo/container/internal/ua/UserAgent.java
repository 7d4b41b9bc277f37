package org.olelo.container.internal.ua;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.Route;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPRequest;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.TooManyHopsException;
import jakarta.servlet.sip.UAMode;
import java.io.IOException;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.List;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.RouteHeader;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.runtime.ContainerRuntime;
import org.olelo.container.internal.runtime.InternalHop;
import org.olelo.container.internal.runtime.NextApplication;
import org.olelo.container.internal.session.OutboundInterfaces;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.core.SipCore;
import org.olelo.core.message.MessageEncoder;
import org.olelo.core.message.SipMessages;
import org.olelo.core.routing.Hop;
import org.olelo.core.routing.NoSecureTransport;
import org.olelo.core.transaction.ClientTransaction;
import org.olelo.core.transport.Transport;

/**
 * The container as a user agent client: builds the requests applications create (new, copied from
 * another request, or inside a dialog) and sends them through client transactions; the responses
 * become dialog state in {@link UacDialogs}, the server side lives in {@link UasDialogs}, and each
 * user-agent session's {@link UaRole} holds its dialog.
 *
 * <p>Threads: request creation and {@link #send} run on the caller's thread (normally the
 * application session's executor); responses arrive on transport threads and are handed to that
 * executor; nothing here blocks.
 */
public final class UserAgent {

    final ContainerRuntime rt;
    final SipCore core;
    final DialogTable dialogs = new DialogTable();
    final ServletInvoker invoker;
    final UasDialogs uas;
    final UacDialogs uac;
    final ProxyStarter proxies;
    final ReliableProvisionals reliable;
    final SessionTimers sessionTimers;
    final SubscriptionDialogs subscriptions;
    private volatile NextApplication composer = NextApplication.NONE;

    /**
     * @param rt      the container-wide services
     * @param invoker runs the handler servlets of user-agent sessions
     * @param proxies makes the proxy of an initial request an application proxies instead of answering
     */
    public UserAgent(ContainerRuntime rt, ServletInvoker invoker, ProxyStarter proxies) {
        this.rt = rt;
        this.proxies = proxies;
        this.core = rt.core();
        this.invoker = invoker;
        this.uas = new UasDialogs(this);
        this.uac = new UacDialogs(this);
        this.reliable = new ReliableProvisionals(this);
        this.sessionTimers = new SessionTimers(this);
        this.subscriptions = new SubscriptionDialogs(this);
    }

    /** Lets initial requests that continue a routing chain (B2BUA legs) reach the next application. */
    public void setComposer(NextApplication c) {
        this.composer = c;
    }

    /** The dialogs of user-agent sessions. */
    public DialogTable dialogs() {
        return dialogs;
    }

    /** The server side: responses applications send, requests and ACKs received in dialogs. */
    public UasDialogs uas() {
        return uas;
    }

    /** Reliable provisional responses (RFC 3262). */
    public ReliableProvisionals reliable() {
        return reliable;
    }

    /** Session timers (RFC 4028). */
    public SessionTimers sessionTimers() {
        return sessionTimers;
    }

    // ---------------------------------------------------------------- creating requests

    /**
     * A new initial request in a new SIP session of {@code as} (SipFactory.createRequest).
     *
     * @param from the From address as text (its tag, if any, is replaced)
     * @param to   the To address as text (its tag, if any, is dropped)
     */
    public SipServletRequestImpl newRequest(SipApplicationSessionImpl as, String method, String from, String to) {
        checkNewMethod(method);
        SIPRequest r = new SIPRequest();
        From f = (From) Messages.header("From", from);
        To t = (To) Messages.header("To", to);
        try {
            r.setMethod(method);
            f.removeParameter("tag");
            f.setTag(SipMessages.newTag());
            t.removeParameter("tag");
            URI ruri = (URI) t.getAddress().getURI().clone();
            if (ruri instanceof SipURI su) {
                su.removeParameter("method"); // RFC 3261 §19.1.1: not allowed in a Request-URI
            }
            r.setRequestURI(ruri);
            r.setHeader(f);
            r.setHeader(t);
            r.setHeader(new CallID(newCallId()));
            r.setHeader(new CSeq(1, method));
            r.setHeader(new MaxForwards(70));
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build " + method + ": " + e.getMessage(), e);
        }
        return initialUac(as, r);
    }

    /**
     * A new initial request made from {@code orig} (SipFactory.createRequest(orig, sameCallId) and
     * B2buaHelper.createRequest): same method, Request-URI, parties (new tags), headers and body;
     * new Call-ID unless {@code sameCallId}.
     *
     * @param maxForwards the Max-Forwards to use
     */
    public SipServletRequestImpl copyRequest(SipServletRequestImpl orig, boolean sameCallId, int maxForwards) {
        SIPRequest o = orig.jainRequest();
        String method = o.getMethod();
        checkNewMethod(method);
        SIPRequest r = new SIPRequest();
        try {
            r.setMethod(method);
            r.setRequestURI((URI) o.getRequestURI().clone());
            From f = (From) o.getFrom().clone();
            f.setTag(SipMessages.newTag());
            To t = (To) o.getTo().clone();
            t.removeParameter("tag");
            r.setHeader(f);
            r.setHeader(t);
            r.setHeader(new CallID(sameCallId ? o.getCallId().getCallId() : newCallId()));
            r.setHeader(new CSeq(1, method));
            r.setHeader(new MaxForwards(maxForwards));
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot copy " + method + ": " + e.getMessage(), e);
        }
        Messages.copyHeaders(o, r);
        Messages.copyBody(o, r);
        SipSessionImpl os = SipSessionImpl.of(orig);
        SipApplicationSessionImpl as = os != null ? os.parent() : null;
        if (as == null) {
            throw new IllegalStateException("the original request has no application session");
        }
        return initialUac(as, r);
    }

    /** The Max-Forwards for a request a B2BUA makes from {@code orig}: one less than received. */
    public static int decrementedMaxForwards(SipServletRequestImpl orig) throws TooManyHopsException {
        int mf = orig.getMaxForwards();
        if (mf == 0) {
            throw new TooManyHopsException("Max-Forwards of the original request is 0");
        }
        return mf < 0 ? 70 : mf - 1;
    }

    private SipServletRequestImpl initialUac(SipApplicationSessionImpl as, SIPRequest r) {
        if (!as.isValid()) {
            throw new IllegalStateException("application session is invalidated");
        }
        String callId = r.getCallId().getCallId();
        SipSessionImpl s = rt.sessions().createSipSession(as, callId);
        s.setHandlerInternal(invoker.currentServlet());
        DialogState d = new DialogState(this, UAMode.UAC, callId, r.getFromTag());
        d.localAddress = (Address) r.getFrom().getAddress().clone();
        d.remoteAddress = (Address) r.getTo().getAddress().clone();
        d.localCSeq = r.getCSeq().getSeqNumber();
        s.takeRole(new UaRole(this, s, d));
        s.setup(r.getFrom(), r.getTo(), null);
        SipServletRequestImpl req = SipServletRequestImpl.created(r, s, true);
        d.initialRequest = req;
        s.fireCreated();
        return req;
    }

    private static void checkNewMethod(String method) {
        if (method == null || method.isEmpty()) {
            throw new IllegalArgumentException("method is empty");
        }
        if (method.equals("ACK") || method.equals("CANCEL")) {
            throw new IllegalArgumentException(method + " cannot be created this way: use createAck or createCancel");
        }
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "-.!%*_+`'~".indexOf(c) >= 0)) {
                throw new IllegalArgumentException("not a SIP method token: " + method);
            }
        }
    }

    private String newCallId() {
        List<Transport> ts = core.transports();
        String host = ts.isEmpty() ? "olelo" : ts.get(0).advertisedHost();
        return SipMessages.token(20) + "@" + host;
    }

    /**
     * A request in the dialog of {@code s} (SipSession.createRequest). Before a dialog exists, a
     * session that sent an initial request gets a new request like that one with the next CSeq
     * (an authentication retry, say).
     */
    public SipServletRequestImpl inDialogRequest(SipSessionImpl s, String method) {
        if (!s.isValid()) {
            throw new IllegalStateException("session is invalidated");
        }
        if (method.equals("ACK") || method.equals("CANCEL")) {
            throw new IllegalArgumentException(method + " is created with createAck or createCancel");
        }
        DialogState d = UaRole.dialogOf(s);
        if (d == null) {
            throw new IllegalStateException("the session is not a user-agent session");
        }
        if (s.getState() == SipSession.State.TERMINATED) {
            throw new IllegalStateException("the session's dialog is terminated");
        }
        if (!d.established()) {
            if (d.mode != UAMode.UAC || d.initialRequest == null) {
                throw new IllegalStateException("no dialog yet: a UAS session cannot send requests before it answers");
            }
            return retryInitial(s, d, method);
        }
        return SipServletRequestImpl.created(build(d, method, ++d.localCSeq), s, false);
    }

    private SipServletRequestImpl retryInitial(SipSessionImpl s, DialogState d, String method) {
        SIPRequest o = d.initialRequest.jainRequest();
        SIPRequest r = (SIPRequest) o.clone();
        r.removeHeader(Via.NAME);
        r.removeHeader("Authorization");
        r.removeHeader("Proxy-Authorization");
        r.setMethod(method);
        r.setHeader(new CSeq(++d.localCSeq, method));
        SipServletRequestImpl req = SipServletRequestImpl.created(r, s, true);
        d.initialRequest = req;
        return req;
    }

    /** RFC 3261 §12.2.1.1: a request inside the dialog. */
    SIPRequest build(DialogState d, String method, long cseq) {
        SIPRequest r = new SIPRequest();
        try {
            r.setMethod(method);
            List<Address> routes = d.routeSet;
            URI target = (URI) d.remoteTarget.clone();
            int first = 0;
            if (!routes.isEmpty() && routes.get(0).getURI() instanceof SipURI top && !top.hasLrParam()) {
                r.setRequestURI((URI) top.clone()); // strict router: it gets the Request-URI, the target goes last
                first = 1;
            } else {
                r.setRequestURI(target);
            }
            for (int i = first; i < routes.size(); i++) {
                Route route = new Route();
                route.setAddress((Address) routes.get(i).clone());
                r.addHeader(route);
            }
            if (first == 1) {
                Route last = new Route();
                last.setAddress(SipMessages.ADDRESSES.createAddress(target));
                r.addHeader(last);
            }
            From f = new From();
            f.setAddress((Address) d.localAddress.clone());
            f.setTag(d.localTag);
            To t = new To();
            t.setAddress((Address) d.remoteAddress.clone());
            t.setTag(d.remoteTag);
            r.setHeader(f);
            r.setHeader(t);
            r.setHeader(new CallID(d.callId));
            r.setHeader(new CSeq(cseq, method));
            r.setHeader(new MaxForwards(70));
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException("cannot build " + method + " in dialog: " + e.getMessage(), e);
        }
        return r;
    }

    // ---------------------------------------------------------------- sending

    /** Sends a request an application created (SipServletRequest.send). */
    public void send(SipServletRequestImpl req) throws IOException {
        if (req.isCommitted()) {
            throw new IllegalStateException("request already sent");
        }
        SipSessionImpl s = SipSessionImpl.of(req);
        if (s == null || !s.isValid()) {
            throw new IllegalStateException("the request's session is invalidated");
        }
        SIPRequest r = req.jainRequest();
        String method = r.getMethod();
        if (method.equals("ACK")) {
            sendAck(req);
            return;
        }
        if (method.equals("CANCEL")) {
            sendCancel(req);
            return;
        }
        DialogState d = UaRole.dialogOf(s);
        if (method.equals("INVITE")) {
            InviteOverlap.checkSend(d);
        }
        r.removeHeader(Via.NAME);
        InternalHop internal = null;
        if (req.isInitial()) {
            // JSR 289 §15: the application router picks the next application, for a new request too
            internal = composer.beforeSendInitial(req);
        }
        org.olelo.container.internal.flow.FlowImpl flow = internal == null ? s.chosenFlow() : null;
        List<Hop> hops = internal != null ? List.of(internal.hop())
                : flow != null ? List.of(flow.hop()) // RFC 5626: over the flow the application chose
                : resolveAll(r, d.transport);
        Hop hop = internal != null || flow != null ? hops.get(0)
                : OutboundInterfaces.apply(core, hops.get(0), s.outboundInterface());
        if (d.transport == null && internal == null) {
            d.transport = hop.transport().name();
        }
        org.olelo.core.routing.MaxForwardsRule.forUserAgentHop(r, hop);
        try {
            r.addFirst(core.newVia(hop.transport(), internal != null ? internal.branch() : SipCore.branch(null)));
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException(e);
        }
        if (req.contactTemplate()) {
            B2buaHelperImpl.completeContact(req, hop.transport());
        } else if (Messages.refreshesTarget(method) && r.getHeader(ContactHeader.NAME) == null) {
            r.setHeader(contact(hop.transport(), r.getFrom().getAddress().getURI()));
        }
        sessionTimers.beforeRequest(req, d);
        req.commit();
        subscriptions.sending(s, d, req);
        d.pendingOut.add(req);
        ClientTransaction ct = core.transactions().sendRequest(r, hop, new UacListener(this, req, UacFailover.of(hops)));
        ct.setApplicationData(req);
        req.sentThrough(ct);
    }

    /**
     * RFC 3263 §4.3: sends an application's request again, to the next target of its URI, in a
     * new client transaction with a new branch, after the one before failed. Runs on the
     * application session's executor.
     */
    void failOver(SipServletRequestImpl req, Hop next, UacFailover rest) {
        SipSessionImpl s = SipSessionImpl.of(req);
        SIPRequest again = (SIPRequest) req.jainRequest().clone();
        Hop hop = OutboundInterfaces.apply(core, next, s.outboundInterface());
        again.removeFirst(Via.NAME);
        try {
            again.addFirst(core.newVia(hop.transport(), SipCore.branch(null)));
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException(e);
        }
        core.statistics().count(org.olelo.core.stats.CoreStatistics.Event.DNS_FAILOVER);
        ClientTransaction ct = core.transactions().sendRequest(again, hop, new UacListener(this, req, rest));
        ct.setApplicationData(req);
        req.sentThrough(ct);
    }

    private void addVia(SIPRequest r, Hop hop) {
        try {
            r.addFirst(core.newVia(hop.transport(), SipCore.branch(null)));
        } catch (javax.sip.SipException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every RFC 3263 target of a request's next hop (its top Route, else its Request-URI), best first. */
    private List<Hop> resolveAll(SIPRequest r, String preferredTransport) throws IOException {
        return resolveAll(r, preferredTransport, false);
    }

    /**
     * The next hop of a request: its top Route, else its Request-URI; a {@code sips:} Request-URI
     * leaves only over TLS, whatever the Route says (RFC 3261 §26.2.2).
     */
    Hop resolve(SIPRequest r, String preferredTransport) throws IOException {
        return resolveAll(r, preferredTransport, true).get(0);
    }

    private List<Hop> resolveAll(SIPRequest r, String preferredTransport, boolean firstOnly) throws IOException {
        RouteHeader top = r.getRouteHeaders() == null || r.getRouteHeaders().isEmpty() ? null
                : (RouteHeader) r.getRouteHeaders().getFirst();
        URI target = top != null ? top.getAddress().getURI() : r.getRequestURI();
        try {
            List<Hop> hops = firstOnly ? List.of(core.resolve(target, preferredTransport))
                    : core.resolveAll(target, preferredTransport);
            for (Hop hop : hops) {
                NoSecureTransport.require(r.getRequestURI(), hop);
            }
            return hops;
        } catch (UnknownHostException e) {
            throw new IOException("cannot send " + r.getMethod() + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Our Contact for a request or response sent over {@code t}, with the user part of {@code user}. */
    ContactHeader contact(Transport t, URI user) {
        StringBuilder sb = new StringBuilder("<sip:");
        if (user instanceof SipURI su && su.getUser() != null) {
            sb.append(su.getUser()).append('@');
        }
        sb.append(t.advertisedHost()).append(':').append(t.advertisedPort());
        if (!t.name().equals("UDP")) {
            sb.append(";transport=").append(t.name().toLowerCase(java.util.Locale.ROOT));
        }
        sb.append('>');
        return (ContactHeader) Messages.header("Contact", sb.toString());
    }

    /** SipServletResponse.createAck for a 2xx to an INVITE: an ACK in the response's dialog, same CSeq. */
    public SipServletRequestImpl createAck(SipServletResponseImpl resp) {
        SipSessionImpl s = SipSessionImpl.of(resp);
        DialogState d = UaRole.dialogOf(s);
        if (d == null || !d.established()) {
            throw new IllegalStateException("no dialog for this response");
        }
        SIPRequest ack = build(d, "ACK", resp.jainResponse().getCSeq().getSeqNumber());
        SipServletRequestImpl req = SipServletRequestImpl.created(ack, s, false);
        req.acknowledging(resp);
        return req;
    }

    private void sendAck(SipServletRequestImpl ack) throws IOException {
        SipServletResponseImpl acked = ack.acknowledges();
        SipSessionImpl s = SipSessionImpl.of(ack);
        DialogState d = UaRole.dialogOf(s);
        SIPRequest r = ack.jainRequest();
        Hop hop = OutboundInterfaces.apply(core, resolve(r, d.transport), s.outboundInterface());
        org.olelo.core.routing.MaxForwardsRule.forUserAgentHop(r, hop);
        r.removeHeader(Via.NAME);
        addVia(r, hop);
        ack.commit();
        byte[] bytes = MessageEncoder.encode(r);
        d.lastAck = bytes;
        d.lastAckHop = hop;
        d.lastAckCSeq = r.getCSeq().getSeqNumber();
        if (acked != null) {
            d.unackedIn.remove(acked);
        }
        core.statistics().requestSent("ACK");
        hop.transport().send(bytes, hop.address());
    }

    private void sendCancel(SipServletRequestImpl cancel) {
        SipServletRequestImpl invite = cancel.cancels();
        ClientTransaction ct = invite == null ? null : invite.clientTransaction();
        if (ct == null) {
            throw new IllegalStateException("the INVITE was not sent; there is nothing to cancel");
        }
        cancel.commit();
        ct.cancel(cancel.jainRequest());
    }

    /** Ends a dialog: TERMINATED state and out of the dialog table. */
    void terminate(SipSessionImpl s) {
        dialogs.remove(s);
        DialogState d = UaRole.dialogOf(s);
        if (d != null && d.keepAlive != null) {
            d.keepAlive.stop();
        }
        s.setState(SipSession.State.TERMINATED);
    }
}
