package org.olelo.container.internal.ua;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.util.Locale;
import org.olelo.container.internal.message.KeepAlivePreference;
import org.olelo.container.internal.message.OptionTags;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.message.SipServletResponseImpl;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * RFC 4028 negotiation for user-agent sessions: Session-Expires, Min-SE and the refresher on the
 * INVITEs and UPDATEs applications send and on the 2xx they answer with, and the {@link
 * SessionKeepAliveImpl} each negotiated dialog gets. Runs on application session executors.
 */
public final class SessionTimers {

    private final UserAgent ua;

    SessionTimers(UserAgent ua) {
        this.ua = ua;
    }

    /** A Session-Expires value: interval and refresher ("uac", "uas" or null). */
    record Expires(int seconds, String refresher) {
        static Expires of(SIPMessage m) {
            SIPHeader h = (SIPHeader) m.getHeader("Session-Expires");
            if (h == null) {
                h = (SIPHeader) m.getHeader("x");
            }
            if (h == null) {
                return null;
            }
            String[] parts = h.getHeaderValue().split(";");
            try {
                int s = Integer.parseInt(parts[0].trim());
                String who = null;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim().toLowerCase(Locale.ROOT);
                    if (p.startsWith("refresher=")) {
                        who = p.substring("refresher=".length()).trim();
                    }
                }
                return new Expires(s, who);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** Adds the session-timer headers to an INVITE or UPDATE the application sends, when enabled. */
    void beforeRequest(SipServletRequestImpl req, DialogState d) {
        String m = req.getMethod();
        if (!m.equals("INVITE") && !m.equals("UPDATE")) {
            return;
        }
        KeepAlivePreference p = req.keepAlivePreferenceIfAny();
        SIPRequest r = req.jainRequest();
        int seconds;
        String who = null;
        int min = KeepAlivePreference.FLOOR;
        if (p != null && p.getEnabled()) {
            seconds = p.getExpiration();
            min = p.getMinimumExpiration();
            who = switch (p.getRefresher()) {
                case UAC -> "uac";
                case UAS -> "uas";
                default -> null;
            };
        } else if (d.keepAlive != null && r.getHeader("Session-Expires") == null) {
            seconds = d.keepAlive.getExpirationInterval(); // a refresh keeps the negotiated interval
            who = d.keepAlive.isRefresher() ? "uac" : "uas";
        } else {
            return;
        }
        r.removeHeader("Session-Expires");
        r.addHeader(Messages.header("Session-Expires", seconds + (who == null ? "" : ";refresher=" + who)));
        if (r.getHeader("Min-SE") == null) {
            r.addHeader(Messages.header("Min-SE", Integer.toString(min)));
        }
        if (!OptionTags.lists(r, "Supported", "timer")) {
            r.addHeader(Messages.header("Supported", "timer"));
        }
    }

    /** UAC side: a 2xx to an INVITE or UPDATE with Session-Expires starts or restarts the timer. */
    void onSuccess(SipSessionImpl s, DialogState d, SipServletRequestImpl req, SIPResponse resp) {
        Expires e = Expires.of(resp);
        if (e == null) {
            if (d.keepAlive != null && Expires.of(req.jainRequest()) == null) {
                d.keepAlive.stop();
                d.keepAlive = null;
            }
            return;
        }
        keepAlive(s, d).restart(e.seconds(), !"uas".equals(e.refresher()));
    }

    /** UAS side: answers a request that asked for session timers when the application enabled them on the 2xx. */
    void beforeSuccess(SipServletResponseImpl resp, SipSessionImpl s) {
        SipServletRequestImpl req = (SipServletRequestImpl) resp.getRequest();
        Expires asked = Expires.of(req.jainRequest());
        KeepAlivePreference p = resp.keepAlivePreferenceIfAny();
        DialogState d = UaRole.dialogOf(s);
        boolean wanted = (p != null && p.getEnabled()) || (d != null && d.keepAlive != null);
        if (asked == null || !wanted) {
            return;
        }
        SIPResponse r = resp.jainResponse();
        String who = asked.refresher() != null ? asked.refresher()
                : OptionTags.lists(req.jainRequest(), "Supported", "timer") ? "uac" : "uas";
        if (p != null && p.getRefresher() != jakarta.servlet.sip.SessionKeepAlive.Refresher.NONE && asked.refresher() == null) {
            who = p.getRefresher() == jakarta.servlet.sip.SessionKeepAlive.Refresher.UAC ? "uac" : "uas";
        }
        r.removeHeader("Session-Expires");
        r.addHeader(Messages.header("Session-Expires", asked.seconds() + ";refresher=" + who));
        if (who.equals("uac") && !OptionTags.lists(r, "Require", "timer")) {
            r.addHeader(Messages.header("Require", "timer"));
        }
    }

    /** UAS side, once the 2xx is sent: the timer runs with the negotiated refresher. */
    void afterSuccess(SipServletResponseImpl resp, SipSessionImpl s, DialogState d) {
        Expires e = Expires.of(resp.jainResponse());
        if (e != null) {
            keepAlive(s, d).restart(e.seconds(), "uas".equals(e.refresher()));
        }
    }

    private SessionKeepAliveImpl keepAlive(SipSessionImpl s, DialogState d) {
        if (d.keepAlive == null) {
            d.keepAlive = new SessionKeepAliveImpl(ua, s);
        }
        return d.keepAlive;
    }
}
