package org.olelo.container.internal.ua;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.AutomaticProcessingListener;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.UAMode;
import java.io.IOException;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.usage.DialogUsages;
import org.olelo.container.internal.usage.Subscription;
import org.olelo.core.transaction.ServerTransaction;

/**
 * Subscription usages of user-agent dialogs (RFC 6665): a SUBSCRIBE or REFER the application sends
 * makes a pending subscription, which a 2xx or a NOTIFY confirms; one it answers with a 2xx makes a
 * confirmed one; a NOTIFY that says {@code terminated}, sent or received, ends its subscription once
 * answered, as does a failed NOTIFY (RFC 6665 §4.2.2); a BYE ends the INVITE usage only. The
 * dialog, and with it the SIP session, ends when its last usage ends ({@link DialogUsages}). A
 * NOTIFY that arrives before the answer to the initial SUBSCRIBE creates the dialog (§4.1.2.4); one
 * for no subscription of the dialog gets 481. Subscriptions do not expire here: one that is never
 * refreshed nor terminated lasts until its application session expires.
 *
 * <p>Runs on the application session's executor, called by {@link UserAgent}, {@link UacDialogs}
 * and {@link UasDialogs}; never blocks.
 */
final class SubscriptionDialogs {

    private final UserAgent ua;

    SubscriptionDialogs(UserAgent ua) {
        this.ua = ua;
    }

    private static boolean subscribes(String method) {
        return method.equals("SUBSCRIBE") || method.equals("REFER");
    }

    /** A request the application sends: a SUBSCRIBE or REFER makes its subscription pending. */
    void sending(SipSessionImpl s, DialogState d, SipServletRequestImpl req) {
        if (!subscribes(req.getMethod())) {
            return;
        }
        d.usages().pending(Subscription.of(req.jainRequest()));
        if (req.isInitial()) {
            ua.dialogs.subscribing(d, s); // a NOTIFY may come before the answer
        }
    }

    /**
     * The final response to a request the application sent, before the application sees it.
     *
     * @param d      the dialog state of the session that sent the request
     * @param td     that of the session the response belongs to (a derived one for another fork)
     * @param resp   the response, or null when the transaction made up the status
     * @return true when the response ended the dialog's last usage
     */
    boolean responded(SipSessionImpl s, DialogState d, DialogState td, SipServletRequestImpl req, int status,
                      SIPResponse resp) {
        String method = req.getMethod();
        SIPRequest r = req.jainRequest();
        if (method.equals("BYE")) {
            return td.byeEnds();
        }
        if (subscribes(method)) {
            if (req.isInitial()) {
                ua.dialogs.answered(d, s);
            }
            Subscription sub = Subscription.of(r);
            if (status < 300) {
                if (!Subscription.unsubscribes(r)) { // an unsubscription confirms nothing
                    td.usages().confirmed(sub);
                }
                return false;
            }
            return td.established() && td.usages().refused(sub, status);
        }
        if (method.equals("NOTIFY") && td.established() && Subscription.endedBy(r, status, resp)) {
            return td.usages().ended(Subscription.of(r)); // (a NOTIFY outside any dialog ends nothing)
        }
        return false;
    }

    /**
     * A request received in the session's dialog, before the CSeq checks: a NOTIFY must name a
     * subscription of the dialog (else 481; 400 without Event header); the first NOTIFY for an
     * initial SUBSCRIBE still unanswered creates the dialog, confirmed. A request from another
     * remote tag than the dialog's (a second notifier before the answer) gets 481.
     *
     * @return false when the request was answered here
     */
    boolean admits(SipSessionImpl s, DialogState d, SIPRequest r, ServerTransaction st) {
        String from = r.getFromTag();
        boolean notify = r.getMethod().equals("NOTIFY");
        if (d.remoteTag != null ? !d.remoteTag.equals(from) : !notify || d.mode != UAMode.UAC || from == null) {
            UasDialogs.respond(st, 481, "Call/Transaction Does Not Exist");
            return false;
        }
        if (!notify) {
            return true;
        }
        Subscription sub = Subscription.of(r);
        if (sub == null) {
            UasDialogs.respond(st, 400, "Bad Request - missing Event header");
            return false;
        }
        DialogUsages usages = d.usages();
        if (!usages.knows(sub)) {
            UasDialogs.respond(st, 481, "Subscription Does Not Exist");
            return false;
        }
        if (d.remoteTag == null) {
            d.remoteTag = from;
            d.learnRouting(r, false); // RFC 6665 §4.1.2.4: route set and target from the NOTIFY
            ua.dialogs.put(d, s);
            s.setState(SipSession.State.CONFIRMED);
        }
        if (!Subscription.terminates(r)) {
            usages.confirmed(sub);
        }
        return true;
    }

    /**
     * The application answered a request of its dialog (final response sent): a 2xx to SUBSCRIBE
     * or REFER confirms the subscription (and the dialog); a terminating NOTIFY, or any NOTIFY
     * answered 481, ends its subscription; a refresh answered 481 too.
     *
     * @return true when the answer ended the dialog's last usage
     */
    boolean answered(SipSessionImpl s, DialogState d, SipServletRequestImpl req, int status) {
        String method = req.getMethod();
        SIPRequest r = req.jainRequest();
        if (subscribes(method)) {
            if (status >= 300) {
                return !req.isInitial() && d.usages().refused(Subscription.of(r), status);
            }
            d.usages().confirmed(Subscription.of(r));
            if (s.getState() != SipSession.State.CONFIRMED) {
                s.setState(SipSession.State.CONFIRMED);
            }
            return false;
        }
        if (method.equals("NOTIFY") && (Subscription.terminates(r) || status == 481)) {
            return d.usages().ended(Subscription.of(r));
        }
        return false;
    }

    /**
     * SipSession.terminateDialog for the subscriptions of a confirmed dialog: each one the
     * application notifies gets a NOTIFY with {@code Subscription-State: terminated;reason=noresource}
     * (a REFER's with a {@code message/sipfrag} 503), which ends it once answered; each one it
     * subscribed to gets a SUBSCRIBE with {@code Expires: 0} and ends at once, so the notifier's
     * last NOTIFY gets 481 and the application sees nothing more. The listener hears of the
     * requests and their responses.
     *
     * @return true when a NOTIFY was sent, whose answer ends the dialog's last usage
     */
    boolean terminate(SipSessionImpl s, DialogState d, AutomaticProcessingListener listener) throws IOException {
        boolean notifying = false;
        AutomaticProcessingListener hears = listener == null ? UaRole.AUTOMATIC : listener;
        for (Subscription sub : d.usages().live()) {
            boolean notifier = sub.subscriber() != null && sub.subscriber().equals(d.remoteTag);
            SipServletRequestImpl req = ua.inDialogRequest(s, notifier ? "NOTIFY" : "SUBSCRIBE");
            req.setHeader("Event", sub.event() + (sub.id() == null ? "" : ";id=" + sub.id()));
            if (notifier) {
                req.setHeader("Subscription-State", "terminated;reason=noresource");
                if (sub.event().equalsIgnoreCase("refer")) {
                    req.setContent("SIP/2.0 503 Service Unavailable\r\n", "message/sipfrag");
                }
                notifying = true;
            } else {
                req.setHeader("Expires", "0");
            }
            d.automatic(req, hears);
            ua.send(req);
            UaRole.notify(listener, req);
            if (!notifier) {
                d.usages().ended(sub);
            }
        }
        return notifying;
    }

    /**
     * A 2xx to a BYE the application sends: the INVITE usage ends.
     *
     * @return true when the dialog is over with it (no subscription lives on)
     */
    boolean byeAnswered(DialogState d) {
        return d.byeEnds();
    }
}
