package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.RecordRoute;
import gov.nist.javax.sip.header.Route;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.AutomaticProcessingListener;
import jakarta.servlet.sip.UAMode;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.core.SipCore;
import org.olelo.core.routing.DialogTransport;
import org.olelo.core.routing.Hop;
import org.olelo.core.transaction.ClientTransaction;
import org.olelo.core.transaction.ClientTransactionListener;

/**
 * What a record-routing proxy keeps of a dialog it proxies so that it can end it on the
 * application's behalf (SipSession.terminateProxiedDialog): the request and 2xx that created it,
 * and the highest CSeq each party has used since. The BYEs it sends look as if they came from the
 * other party, routed through the proxies on that side of us.
 *
 * <p>Owned by the session's {@link ProxyRole}; recorded and used on the application session's executor.
 */
public final class ProxiedDialog {

    /** Record-Route parameter naming the session, as our own entries carry it. */
    private static final String SESSION_PARAM = "ol";

    // only what the BYEs need is kept, not the messages: a proxied call may last hours
    private final String callId;
    private final From caller;
    private final To callee;
    private final URI callerTarget;
    private final URI calleeTarget;
    private final List<Address> recordRoutes;
    private volatile long callerCSeq;
    private volatile long calleeCSeq;

    ProxiedDialog(SIPRequest invite, SIPResponse answer) {
        this.callId = invite.getCallId().getCallId();
        this.caller = (From) invite.getFrom().clone();
        this.callee = (To) answer.getTo().clone();
        this.callerTarget = contactOf(invite);
        this.calleeTarget = contactOf(answer);
        List<Address> rr = new ArrayList<>();
        if (answer.getRecordRouteHeaders() != null) {
            for (Object o : answer.getRecordRouteHeaders()) {
                rr.add((Address) ((RecordRoute) o).getAddress().clone());
            }
        }
        this.recordRoutes = List.copyOf(rr);
        this.callerCSeq = invite.getCSeq().getSeqNumber();
    }

    /** Notes the CSeq of a request proxied inside the dialog. */
    public void seen(SIPRequest r) {
        long n = r.getCSeq().getSeqNumber();
        if (caller.getTag() != null && caller.getTag().equals(r.getFromTag())) {
            callerCSeq = Math.max(callerCSeq, n);
        } else {
            calleeCSeq = Math.max(calleeCSeq, n);
        }
    }

    /**
     * Sends the BYEs that end the dialog (its session's role checked that it is confirmed).
     *
     * @param mode {@link UAMode#UAC} for the caller, {@link UAMode#UAS} for the callee, null for both
     */
    void terminate(SipSessionImpl s, UAMode mode, AutomaticProcessingListener listener) {
        if (callerTarget == null || calleeTarget == null) {
            throw new IllegalStateException("a party of the dialog gave no Contact; it cannot be reached");
        }
        SipCore core = s.core();
        List<Address> rr = recordRoutes();
        if (mode == null || mode == UAMode.UAS) {
            int ours = firstOurs(rr, s.getId());
            send(s, core, byeToCallee(s.getId()), DialogTransport.of(ours < 0 ? null : rr.get(ours), null), listener);
        }
        if (mode == null || mode == UAMode.UAC) {
            int ours = lastOurs(rr, s.getId());
            send(s, core, byeToCaller(s.getId()), DialogTransport.of(ours < 0 ? null : rr.get(ours), null), listener);
        }
    }

    private SIPRequest byeToCallee(String sessionId) {
        List<Address> rr = recordRoutes();
        int ours = firstOurs(rr, sessionId);
        List<Address> routes = ours < 0 ? List.of() : rr.subList(0, ours);
        return bye((URI) calleeTarget.clone(), routes, (Address) caller.getAddress().clone(), caller.getTag(),
                (Address) callee.getAddress().clone(), callee.getTag(), ++callerCSeq);
    }

    private SIPRequest byeToCaller(String sessionId) {
        List<Address> rr = recordRoutes();
        int last = lastOurs(rr, sessionId);
        List<Address> routes = new ArrayList<>(last < 0 ? List.of() : rr.subList(last + 1, rr.size()));
        java.util.Collections.reverse(routes);
        return bye((URI) callerTarget.clone(), routes, (Address) callee.getAddress().clone(), callee.getTag(),
                (Address) caller.getAddress().clone(), caller.getTag(), ++calleeCSeq);
    }

    private List<Address> recordRoutes() {
        List<Address> out = new ArrayList<>();
        for (Address a : recordRoutes) {
            out.add((Address) a.clone());
        }
        return out;
    }

    private static boolean ours(Address a, String sessionId) {
        return a.getURI() instanceof SipURI su && sessionId.equals(su.getParameter(SESSION_PARAM));
    }

    private static int firstOurs(List<Address> rr, String id) {
        for (int i = 0; i < rr.size(); i++) {
            if (ours(rr.get(i), id)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastOurs(List<Address> rr, String id) {
        for (int i = rr.size() - 1; i >= 0; i--) {
            if (ours(rr.get(i), id)) {
                return i;
            }
        }
        return -1;
    }

    private static URI contactOf(gov.nist.javax.sip.message.SIPMessage m) {
        ContactHeader c = (ContactHeader) m.getHeader(ContactHeader.NAME);
        return c == null || c.getAddress() == null ? null : (URI) c.getAddress().getURI().clone();
    }

    private SIPRequest bye(URI target, List<Address> routes, Address from, String fromTag, Address to, String toTag, long cseq) {
        SIPRequest r = new SIPRequest();
        try {
            r.setMethod("BYE");
            r.setRequestURI(target);
            for (Address a : routes) {
                Route route = new Route();
                route.setAddress(a);
                r.addHeader(route);
            }
            From f = new From();
            f.setAddress(from);
            f.setTag(fromTag);
            To t = new To();
            t.setAddress(to);
            t.setTag(toTag);
            r.setHeader(f);
            r.setHeader(t);
            r.setHeader(new CallID(callId));
            r.setHeader(new CSeq(cseq, "BYE"));
            r.setHeader(new MaxForwards(70));
        } catch (java.text.ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException("cannot build BYE: " + e.getMessage(), e);
        }
        return r;
    }

    /**
     * Sends one BYE; a next hop that names no transport gets {@code transport}, the one of our
     * Record-Route entry for that side (null: UDP).
     */
    private void send(SipSessionImpl s, SipCore core, SIPRequest bye, String transport, AutomaticProcessingListener listener) {
        SipServletRequestImpl req = SipServletRequestImpl.created(bye, s, false);
        try {
            URI next = bye.getRouteHeaders() != null && !bye.getRouteHeaders().isEmpty()
                    ? ((Route) bye.getRouteHeaders().getFirst()).getAddress().getURI() : bye.getRequestURI();
            Hop hop = core.resolve(next, transport);
            bye.addFirst(core.newVia(hop.transport(), SipCore.branch(null)));
            if (listener != null) {
                listener.outgoingRequest(req);
            }
            core.transactions().sendRequest(bye, hop, new ClientTransactionListener() {
                @Override
                public void onResponse(ClientTransaction tx, SIPResponse response) {
                    if (listener != null && response.getStatusCode() >= 200) {
                        s.parent().executor().execute(() -> listener.incomingResponse(
                                new SipServletResponseImpl(response, req, s, hop.transport(), hop.address(), null, false)));
                    }
                }

                @Override
                public void onTimeout(ClientTransaction tx) {
                }

                @Override
                public void onTransportError(ClientTransaction tx, IOException error) {
                }
            });
        } catch (UnknownHostException | javax.sip.SipException e) {
            throw new IllegalStateException("cannot send BYE: " + e.getMessage(), e);
        }
    }
}
