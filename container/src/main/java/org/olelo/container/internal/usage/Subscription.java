package org.olelo.container.internal.usage;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import javax.sip.header.EventHeader;
import javax.sip.header.SubscriptionStateHeader;

/**
 * One subscription of a dialog (RFC 6665 §4.1.2.4, §8.2.1): its event package, its {@code id}
 * parameter (null when absent), and the tag of the subscriber's side, so that two parties who
 * subscribe to each other in one dialog keep two subscriptions. The implicit subscription of a
 * REFER (RFC 3515 §2.4.6) is the package {@code refer} with the REFER's CSeq number as id.
 * Immutable; parsing reads headers JAIN-SIP has already parsed.
 *
 * @param event      the event package, e.g. {@code presence}
 * @param id         the Event header's {@code id} parameter, or null
 * @param subscriber the tag of the subscriber's side of the dialog
 */
public record Subscription(String event, String id, String subscriber) {

    private static final String REFER = "refer";

    /**
     * The subscription a SUBSCRIBE, REFER or NOTIFY is about, or null for another method, a
     * SUBSCRIBE or NOTIFY without an Event header, or a REFER that asks for no subscription
     * ({@code Refer-Sub: false}, RFC 4488).
     */
    public static Subscription of(SIPRequest r) {
        String method = r.getMethod();
        if (method.equals("REFER")) {
            javax.sip.header.Header referSub = r.getHeader("Refer-Sub");
            if (referSub != null && value(referSub).trim().equalsIgnoreCase("false")) {
                return null;
            }
            return new Subscription(REFER, String.valueOf(r.getCSeq().getSeqNumber()), r.getFromTag());
        }
        if (!method.equals("SUBSCRIBE") && !method.equals("NOTIFY")) {
            return null;
        }
        EventHeader e = (EventHeader) r.getHeader(EventHeader.NAME);
        if (e == null || e.getEventType() == null) {
            return null;
        }
        String subscriber = method.equals("SUBSCRIBE") ? r.getFromTag() : r.getToTag();
        return new Subscription(e.getEventType(), e.getEventId(), subscriber);
    }

    /**
     * True when a NOTIFY's subscription is this one: same package (compared without case), same
     * subscriber, same id; a NOTIFY of {@code refer} without id matches the REFER subscriptions
     * (the first REFER of a dialog may be reported without one).
     */
    public boolean matches(Subscription notify) {
        if (!event.equalsIgnoreCase(notify.event) || !java.util.Objects.equals(subscriber, notify.subscriber)) {
            return false;
        }
        return java.util.Objects.equals(id, notify.id) || (event.equalsIgnoreCase(REFER) && notify.id == null);
    }

    /** True for a SUBSCRIBE with {@code Expires: 0}: an unsubscription, or a fetch (RFC 6665 §4.4.3). */
    public static boolean unsubscribes(SIPRequest r) {
        javax.sip.header.ExpiresHeader e = r.getExpires();
        return e != null && e.getExpires() == 0;
    }

    /** True when a NOTIFY says that its subscription has ended ({@code Subscription-State: terminated}). */
    public static boolean terminates(SIPRequest notify) {
        SubscriptionStateHeader h = (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
        return h != null && h.getState() != null && h.getState().equalsIgnoreCase(SubscriptionStateHeader.TERMINATED);
    }

    /**
     * True when the final answer to a NOTIFY ends its subscription (RFC 6665 §4.2.2): the NOTIFY
     * said terminated, or it failed: no response (a 408 made by the transaction), a 481, or another
     * error without {@code Retry-After} that is not a challenge the notifier can answer.
     *
     * @param response the response, or null when the transaction made up the status
     */
    public static boolean endedBy(SIPRequest notify, int status, SIPResponse response) {
        if (status < 200) {
            return false;
        }
        if (terminates(notify)) {
            return true;
        }
        if (status < 300 || status == 401 || status == 407) {
            return false;
        }
        return status == 481 || status == 408 || response == null || response.getHeader("Retry-After") == null;
    }

    private static String value(javax.sip.header.Header h) {
        String v = h instanceof SIPHeader sh ? sh.getHeaderValue() : null;
        return v == null ? "" : v;
    }

    /** For logs and tests: {@code event;id=...} with the subscriber's tag. */
    @Override
    public String toString() {
        return event + (id == null ? "" : ";id=" + id) + " (subscriber " + subscriber + ")";
    }
}
