package org.olelo.container.internal.ua;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.parser.StringMsgParser;
import jakarta.servlet.sip.SipSession;
import jakarta.servlet.sip.UAMode;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import javax.sip.address.Address;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.header.RouteHeader;
import org.olelo.container.internal.session.SipSessionImpl;

/**
 * Gives a SIP session restored from another node's copy the user-agent role of its confirmed
 * dialog ({@link DialogFacts}): the dialog state rebuilt from the copied text, the session's
 * parties, its entry in this node's dialog table, and the state CONFIRMED. What was in progress on
 * the other node (transactions, unacknowledged responses) is not restored. On the thread that
 * restores the session, before any work of it is queued.
 */
public final class DialogRestore {

    private DialogRestore() {
    }

    /**
     * @param ua the user agent whose dialog table takes the dialog
     * @param s  the fresh session
     * @param f  the copied dialog state
     * @throws IllegalArgumentException when the copied addresses or URIs do not parse
     */
    public static void restore(UserAgent ua, SipSessionImpl s, DialogFacts f) {
        UAMode mode = "UAC".equals(f.mode()) ? UAMode.UAC : UAMode.UAS;
        HeaderAddress local = (HeaderAddress) header(mode == UAMode.UAC ? "From" : "To", f.localAddress(), f.localTag());
        HeaderAddress remote = (HeaderAddress) header(mode == UAMode.UAC ? "To" : "From", f.remoteAddress(),
                f.remoteTag());
        DialogState d = new DialogState(ua, mode, f.callId(), f.localTag());
        d.remoteTag = f.remoteTag();
        d.localAddress = (Address) ((Address) local.getAddress()).clone();
        d.remoteAddress = (Address) ((Address) remote.getAddress()).clone();
        d.remoteTarget = ((ContactHeader) parse("Contact: <" + f.remoteTarget() + ">")).getAddress().getURI();
        List<Address> routes = new ArrayList<>(f.routeSet().size());
        for (String r : f.routeSet()) {
            routes.add(((RouteHeader) parse("Route: " + r)).getAddress());
        }
        d.routeSet = routes;
        d.localCSeq = f.localCSeq();
        d.remoteCSeq = f.remoteCSeq();
        d.secure = f.secure();
        d.transport = f.transport();
        d.restoredInvite = f.invite();
        s.takeRole(new UaRole(ua, s, d));
        s.setup(local, remote, null);
        ua.dialogs.put(d, s);
        s.setState(SipSession.State.CONFIRMED);
    }

    private static SIPHeader header(String name, String address, String tag) {
        return parse(name + ": " + address + (tag == null ? "" : ";tag=" + tag));
    }

    /** One header (the first of a list, which Contact and Route parse to). */
    private static SIPHeader parse(String line) {
        try {
            SIPHeader h = StringMsgParser.parseSIPHeader(line + "\r\n");
            return h instanceof gov.nist.javax.sip.header.SIPHeaderList<?> list ? (SIPHeader) list.getFirst() : h;
        } catch (ParseException e) {
            throw new IllegalArgumentException("a copied dialog does not parse: " + line, e);
        }
    }
}
