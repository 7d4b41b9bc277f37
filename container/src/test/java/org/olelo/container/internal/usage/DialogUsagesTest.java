package org.olelo.container.internal.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The rules of dialog usages on parsed messages: which subscription a SUBSCRIBE, REFER or NOTIFY
 * names (RFC 6665 §8.2.1, RFC 3515 §2.4.6, RFC 4488), which answers to a NOTIFY end it (RFC 6665
 * §4.2.2), and when a dialog is over.
 */
class DialogUsagesTest {

    private static SIPRequest request(String method, String from, String to, String extra) throws Exception {
        String text = method + " sip:b@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
                + "From: <sip:a@127.0.0.1>;tag=" + from + "\r\n"
                + "To: <sip:b@127.0.0.1>" + (to == null ? "" : ";tag=" + to) + "\r\n"
                + "Call-ID: u1@test\r\nCSeq: 7 " + method + "\r\nMax-Forwards: 70\r\n" + extra
                + "Content-Length: 0\r\n\r\n";
        return (SIPRequest) new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }

    @Test
    void subscriptionsAreNamedByPackageIdAndSubscriber() throws Exception {
        Subscription sub = Subscription.of(request("SUBSCRIBE", "s", null, "Event: presence;id=4\r\n"));
        assertEquals(new Subscription("presence", "4", "s"), sub);
        Subscription notify = Subscription.of(request("NOTIFY", "n", "s", "Event: presence;id=4\r\n"));
        assertTrue(sub.matches(notify), "the NOTIFY's To tag is the subscriber's");
        assertFalse(sub.matches(Subscription.of(request("NOTIFY", "n", "s", "Event: presence\r\n"))), "another id");
        assertFalse(sub.matches(Subscription.of(request("NOTIFY", "s", "n", "Event: presence;id=4\r\n"))),
                "the other direction of the dialog");
        assertNull(Subscription.of(request("NOTIFY", "n", "s", "")), "no Event header");
        assertNull(Subscription.of(request("INFO", "n", "s", "Event: presence\r\n")));

        Subscription refer = Subscription.of(request("REFER", "s", "n", "Refer-To: <sip:c@127.0.0.1>\r\n"));
        assertEquals(new Subscription("refer", "7", "s"), refer);
        assertTrue(refer.matches(Subscription.of(request("NOTIFY", "n", "s", "Event: refer\r\n"))),
                "a refer NOTIFY without id");
        assertNull(Subscription.of(request("REFER", "s", "n", "Refer-Sub: false\r\n")), "RFC 4488");
    }

    @Test
    void aNotifyEndsItsSubscriptionWhenItSaysSoOrFails() throws Exception {
        SIPRequest active = request("NOTIFY", "n", "s", "Event: presence\r\nSubscription-State: active;expires=60\r\n");
        SIPRequest over = request("NOTIFY", "n", "s", "Event: presence\r\nSubscription-State: terminated;reason=timeout\r\n");
        assertTrue(Subscription.terminates(over));
        assertFalse(Subscription.terminates(active));
        assertTrue(Subscription.endedBy(over, 200, null));
        assertFalse(Subscription.endedBy(over, 180, null), "only a final answer");
        assertFalse(Subscription.endedBy(active, 200, null));
        assertTrue(Subscription.endedBy(active, 481, null));
        assertTrue(Subscription.endedBy(active, 408, null), "no answer");
        assertFalse(Subscription.endedBy(active, 401, null), "a challenge can be answered");
        SIPResponse busy = active.createResponse(503);
        busy.addHeader(new gov.nist.javax.sip.header.RetryAfter());
        assertFalse(Subscription.endedBy(active, 503, busy), "Retry-After: it may be sent again");
        assertTrue(Subscription.endedBy(active, 503, active.createResponse(503)));
    }

    @Test
    void theDialogIsOverWithItsLastUsage() {
        DialogUsages u = new DialogUsages(true);
        Subscription a = new Subscription("dialog", null, "s");
        Subscription b = new Subscription("dialog", "2", "s");
        u.pending(a);
        u.confirmed(b);
        assertFalse(u.inviteEnded(), "BYE ends the call, not the subscriptions");
        assertFalse(u.refused(b, 500), "a refresh that fails leaves a confirmed subscription");
        assertFalse(u.ended(b));
        assertTrue(u.knows(a));
        assertTrue(u.refused(a, 489), "a SUBSCRIBE refused before any NOTIFY creates nothing");
        assertTrue(u.over());
        assertEquals(0, u.live().size());
    }
}
