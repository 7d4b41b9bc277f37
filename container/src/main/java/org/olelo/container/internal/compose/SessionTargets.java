package org.olelo.container.internal.compose;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import jakarta.servlet.sip.ar.SipTargetedRequestInfo;
import jakarta.servlet.sip.ar.SipTargetedRequestType;
import org.olelo.container.internal.session.SessionManager;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.ua.DialogTable;

/**
 * Session targeting (JSR 289 §15.11): whether an initial request names an application session of
 * this server, and so the application the router is told it targets. In order of precedence:
 * <ol>
 *   <li>an encoded URI: the Request-URI carries the parameter {@code encodeURI} added, naming a
 *       valid application session ({@code ENCODED_URI});</li>
 *   <li>an INVITE whose {@code Join} header (RFC 3911) names a dialog of an application here
 *       ({@code JOIN});</li>
 *   <li>an INVITE whose {@code Replaces} header (RFC 3891) names one ({@code REPLACES}).</li>
 * </ol>
 * A header that names no dialog here, or a session that ended, leaves the request untargeted.
 *
 * <p>Runs on transport reader threads and application executors: a URI parameter, two header
 * look-ups and two table look-ups; nothing blocks.
 */
final class SessionTargets {

    /**
     * What an initial request targets.
     *
     * @param info    what the application router is told
     * @param session the id of the targeted application session, which the request joins when the
     *                router chooses the targeted application
     */
    record Target(SipTargetedRequestInfo info, String session) {
    }

    private final SessionManager sessions;
    private final DialogTable dialogs;

    /**
     * @param sessions the application sessions, for encoded URIs
     * @param dialogs  the user-agent dialogs, for Join and Replaces; null for none
     */
    SessionTargets(SessionManager sessions, DialogTable dialogs) {
        this.sessions = sessions;
        this.dialogs = dialogs;
    }

    /** The target of the request, or null for an untargeted one. */
    Target of(SIPRequest wire) {
        SipApplicationSessionImpl encoded = sessions.applicationSession(encodedId(wire.getRequestURI()));
        if (encoded != null && encoded.isValid()) {
            return target(SipTargetedRequestType.ENCODED_URI, encoded);
        }
        if (dialogs == null || !"INVITE".equals(wire.getMethod())) {
            return null;
        }
        Target joined = dialog(wire, "Join", SipTargetedRequestType.JOIN);
        return joined != null ? joined : dialog(wire, "Replaces", SipTargetedRequestType.REPLACES);
    }

    private Target dialog(SIPRequest wire, String header, SipTargetedRequestType type) {
        if (!(wire.getHeader(header) instanceof SIPHeader h)) {
            return null;
        }
        SipSessionImpl s = dialogs.named(h.getHeaderValue());
        return s == null || !s.parent().isValid() ? null : target(type, s.parent());
    }

    private static Target target(SipTargetedRequestType type, SipApplicationSessionImpl as) {
        return new Target(new SipTargetedRequestInfo(type, as.getApplicationName()), as.getId());
    }

    private static String encodedId(javax.sip.address.URI ruri) {
        if (ruri instanceof javax.sip.address.SipURI su) {
            return su.getParameter(SessionManager.ENCODED_URI_PARAM);
        }
        if (ruri instanceof javax.sip.address.TelURL tel) {
            return tel.getParameter(SessionManager.ENCODED_URI_PARAM);
        }
        return null;
    }
}
