package org.olelo.container.internal.ua;

import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPRequest;
import jakarta.servlet.sip.B2buaHelper;
import jakarta.servlet.sip.SipServletMessage;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.TooManyHopsException;
import jakarta.servlet.sip.UAMode;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sip.address.Address;
import javax.sip.header.ContactHeader;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * The B2BUA helper of one application (JSR 289 §12.3): legs created from a received request and
 * linked to it, requests relayed from one leg to the other, responses to the original request for
 * each dialog the far leg forks into, and the pending-message view of a leg.
 *
 * <p>Used on the application session's executor, like the messages it works on.
 */
public final class B2buaHelperImpl implements B2buaHelper {

    private final UserAgent ua;

    public B2buaHelperImpl(UserAgent ua) {
        this.ua = ua;
    }

    private static SipSessionImpl impl(SipSession s) {
        if (!(s instanceof SipSessionImpl si) || !si.isValid()) {
            throw new IllegalArgumentException("session is null, invalid or not of this container");
        }
        return si;
    }

    /** The user-agent state of a session, created for a session that received its initial request. */
    private DialogState state(SipSessionImpl s) {
        if (!(s.role() instanceof UserAgentRole)) {
            throw new IllegalArgumentException("session " + s.getId() + " is not a user-agent session");
        }
        return ua.uas.state(s);
    }

    @Override
    public SipServletRequest createRequest(SipServletRequest origRequest, boolean linked, Map<String, List<String>> headerMap)
            throws TooManyHopsException {
        SipServletRequestImpl orig = (SipServletRequestImpl) origRequest;
        if (!orig.isInitial()) {
            throw new IllegalArgumentException("the original request is not an initial request; use createRequest(session, ...)");
        }
        SipSessionImpl os = SipSessionImpl.of(orig);
        B2buaLeg.of(ua, os); // the original request can no longer be proxied
        SipServletRequestImpl req = ua.copyRequest(orig, false, UserAgent.decrementedMaxForwards(orig));
        req.setRoutingDirective(jakarta.servlet.sip.ar.SipApplicationRoutingDirective.CONTINUE, orig);
        applyHeaders(req, headerMap, true);
        if (linked) {
            link(os, SipSessionImpl.of(req));
            req.linkWith(orig);
        }
        return req;
    }

    @Override
    public SipServletRequest createRequest(SipServletRequest origRequest) {
        try {
            return createRequest(origRequest, true, null);
        } catch (TooManyHopsException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public SipServletRequest createRequest(SipSession session, SipServletRequest origRequest, Map<String, List<String>> headerMap) {
        SipSessionImpl s = impl(session);
        SipServletRequestImpl orig = (SipServletRequestImpl) origRequest;
        SipSessionImpl os = SipSessionImpl.of(orig);
        if (os != null && os.parent() != s.parent()) {
            throw new IllegalArgumentException("the session belongs to another application session");
        }
        SipServletRequestImpl req = ua.inDialogRequest(s, orig.getMethod());
        Messages.copyHeaders(orig.jainRequest(), req.jainRequest());
        Messages.copyBody(orig.jainRequest(), req.jainRequest());
        applyHeaders(req, headerMap, false);
        req.linkWith(orig);
        return req;
    }

    /**
     * Applies an application's header map: From and To (address only, on new requests), Contact
     * (user part and parameters), Route (pushed), any non-system header (replaced).
     */
    private static void applyHeaders(SipServletRequestImpl req, Map<String, List<String>> map, boolean initial) {
        if (map == null) {
            return;
        }
        SIPRequest r = req.jainRequest();
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            List<String> values = e.getValue() == null ? List.of() : e.getValue();
            switch (name) {
                case "from", "f", "to", "t" -> {
                    if (!initial) {
                        throw new IllegalArgumentException(e.getKey() + " cannot be changed inside a dialog");
                    }
                    setParty(req, name.startsWith("f"), single(e.getKey(), values));
                }
                case "contact", "m" -> {
                    SIPHeader c = Messages.header("Contact", single(e.getKey(), values));
                    r.setHeader(c); // user part and parameters; host and port are ours, fixed when sent
                    req.contactIsTemplate();
                }
                case "route" -> {
                    for (int i = values.size() - 1; i >= 0; i--) {
                        try {
                            r.addFirst(Messages.header("Route", values.get(i)));
                        } catch (javax.sip.SipException ex) {
                            throw new IllegalArgumentException("bad Route: " + values.get(i), ex);
                        }
                    }
                }
                case "call-id", "i", "cseq", "via", "v", "record-route", "max-forwards", "content-length", "l",
                     "rseq", "rack", "path" ->
                        throw new IllegalArgumentException(e.getKey() + " is a system header and cannot be set through the header map");
                default -> {
                    r.removeHeader(e.getKey());
                    for (String v : values) {
                        r.addHeader(Messages.header(e.getKey(), v));
                    }
                }
            }
        }
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw new IllegalArgumentException(name + " takes exactly one value, not " + values.size());
        }
        return values.get(0);
    }

    private static void setParty(SipServletRequestImpl req, boolean from, String value) {
        SIPRequest r = req.jainRequest();
        Address a = Messages.address(value);
        SipSessionImpl s = SipSessionImpl.of(req);
        DialogState d = UaRole.dialogOf(s);
        try {
            if (from) {
                From f = (From) r.getFrom();
                f.setAddress(a);
                d.localAddress = (Address) a.clone();
            } else {
                To t = (To) r.getTo();
                t.setAddress(a);
                d.remoteAddress = (Address) a.clone();
                r.setRequestURI((javax.sip.address.URI) a.getURI().clone());
            }
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("bad " + (from ? "From" : "To") + ": " + value, ex);
        }
        s.setup(r.getFrom(), r.getTo(), s.routing());
    }

    @Override
    public SipSession getLinkedSession(SipSession session) {
        SipSessionImpl s = impl(session);
        DialogState d = UaRole.dialogOf(s);
        if (d == null) {
            return null;
        }
        SipSessionImpl l = B2buaLeg.linkedTo(s);
        if (l == null && d.derivedFrom != null && d.mode == UAMode.UAC) {
            SipSessionImpl uasOrigin = B2buaLeg.linkedTo(d.derivedFrom);
            if (uasOrigin != null && uasOrigin.isValid()) {
                l = ua.uas.derive(uasOrigin);
                link(l, s);
            }
        }
        return l != null && l.isValid() ? l : null;
    }

    @Override
    public SipServletRequest getLinkedSipServletRequest(SipServletRequest req) {
        return ((SipServletRequestImpl) req).linkedRequest();
    }

    @Override
    public void linkSipSessions(SipSession session1, SipSession session2) {
        SipSessionImpl a = impl(session1);
        SipSessionImpl b = impl(session2);
        if (a.getState() == SipSession.State.TERMINATED || b.getState() == SipSession.State.TERMINATED) {
            throw new IllegalArgumentException("a terminated session cannot be linked");
        }
        state(a);
        state(b);
        SipSessionImpl la = B2buaLeg.linkedTo(a);
        SipSessionImpl lb = B2buaLeg.linkedTo(b);
        if ((la != null && la != b) || (lb != null && lb != a)) {
            throw new IllegalArgumentException("a session is already linked to another one");
        }
        link(a, b);
    }

    /** Makes both sessions B2BUA legs linked to each other. */
    private void link(SipSessionImpl a, SipSessionImpl b) {
        B2buaLeg.of(ua, a).linked = b;
        B2buaLeg.of(ua, b).linked = a;
    }

    @Override
    public void unlinkSipSessions(SipSession session) {
        SipSessionImpl s = impl(session);
        SipSessionImpl other = B2buaLeg.linkedTo(s);
        if (other == null || s.getState() == SipSession.State.TERMINATED) {
            throw new IllegalArgumentException("session is not linked");
        }
        if (other.role() instanceof B2buaLeg o && o.linked == s) {
            o.linked = null;
        }
        ((B2buaLeg) s.role()).linked = null;
    }

    @Override
    public List<SipServletMessage> getPendingMessages(SipSession session, UAMode mode) {
        SipSessionImpl s = impl(session);
        if (!(s.role() instanceof UserAgentRole r)) {
            return List.of();
        }
        List<SipServletMessage> out = new ArrayList<>(r.activeRequests(mode)); // requests without a final response
        DialogState d = UaRole.dialogOf(s);
        if (mode == UAMode.UAC && d != null) {
            out.addAll(d.unackedIn); // and 2xx responses not yet acknowledged
        }
        return out;
    }

    @Override
    public SipServletResponse createResponseToOriginalRequest(SipSession session, int status, String reasonPhrase) {
        SipSessionImpl s = impl(session);
        DialogState d = state(s);
        if (d.mode == UAMode.UAC) {
            SipSession linked = getLinkedSession(s);
            if (linked == null) {
                throw new IllegalArgumentException("session " + s.getId() + " is a UAC session with no linked UAS session");
            }
            s = (SipSessionImpl) linked;
            d = state(s);
        }
        SipServletRequestImpl orig = d.initialRequest;
        if (orig == null || orig.transaction() == null) {
            throw new IllegalArgumentException("session " + s.getId() + " did not receive an initial request");
        }
        if (orig.finalResponseSent() && !(status >= 200 && status < 300 && orig.getMethod().equals("INVITE"))) {
            throw new IllegalStateException("a final response was already sent for the original request");
        }
        return orig.createResponseInSession(status, reasonPhrase, s, d.localTag);
    }

    @Override
    public SipServletRequest createCancel(SipSession session) {
        SipSessionImpl s = impl(session);
        DialogState d = UaRole.dialogOf(s);
        if (d == null || d.mode != UAMode.UAC || d.initialRequest == null) {
            throw new IllegalArgumentException("session " + s.getId() + " sent no initial request");
        }
        return d.initialRequest.createCancel();
    }

    /** Fixes a Contact the application templated through a header map: our host and port, its user part. */
    static void completeContact(SipServletRequestImpl req, org.olelo.core.transport.Transport t) {
        ContactHeader c = (ContactHeader) req.jainRequest().getHeader(ContactHeader.NAME);
        if (c == null || !(c.getAddress().getURI() instanceof javax.sip.address.SipURI su)) {
            return;
        }
        try {
            su.setHost(t.advertisedHost());
            su.setPort(t.advertisedPort());
            if (!t.name().equals("UDP")) {
                su.setTransportParam(t.name().toLowerCase(Locale.ROOT));
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad Contact: " + e.getMessage(), e);
        }
    }
}
