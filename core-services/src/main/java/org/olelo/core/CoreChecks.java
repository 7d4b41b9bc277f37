package org.olelo.core;

import gov.nist.javax.sip.address.AddressImpl;
import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.ContactList;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.header.ViaList;
import gov.nist.javax.sip.message.SIPRequest;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ProxyRequireHeader;
import org.olelo.core.internal.net.IpLiterals;
import org.olelo.core.message.SipMessages;
import org.olelo.core.routing.LocalAddresses;
import org.olelo.core.transaction.TransactionLayer;

/**
 * The checks every SIP element makes before any application sees a request (RFC 3261 §8.2, §16.3),
 * in the order they are applied. Each failed check is a status code and a reason naming the fault.
 * Runs on transport reader threads; allocation-light and lock-free.
 */
final class CoreChecks {

    /** A failed check: the status to answer and the reason phrase. */
    record Failure(int status, String reason, List<String> unsupported) {
        Failure(int status, String reason) {
            this(status, reason, List.of());
        }
    }

    private static final Set<String> KNOWN_METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER",
            "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH", "INFO", "REFER", "MESSAGE", "UPDATE");

    private CoreChecks() {
    }

    /** Structural checks that need no transaction: version, mandatory headers, CSeq, branch. */
    static Failure structural(SIPRequest r) {
        String version = r.getRequestLine().getSipVersion();
        if (version == null || !version.equalsIgnoreCase("SIP/2.0")) {
            return new Failure(505, "SIP Version Not Supported");
        }
        if (r.getTopmostVia() == null) {
            return new Failure(400, "Bad Request - missing Via header");
        }
        if (r.getFrom() == null || r.getTo() == null || r.getCallId() == null || r.getCSeq() == null) {
            StringBuilder missing = new StringBuilder();
            if (r.getCallId() == null) {
                missing.append(" Call-ID");
            }
            if (r.getFrom() == null) {
                missing.append(" From");
            }
            if (r.getTo() == null) {
                missing.append(" To");
            }
            if (r.getCSeq() == null) {
                missing.append(" CSeq");
            }
            return new Failure(400, "Bad Request - missing mandatory header:" + missing);
        }
        String method = r.getMethod();
        if (!r.getCSeq().getMethod().equals(method)) {
            return KNOWN_METHODS.contains(method) ? new Failure(400, "Bad Request - CSeq method does not match the request method")
                    : new Failure(501, "Not Implemented");
        }
        int viaPort = r.getTopmostVia().getPort();
        if (viaPort > 65535 || viaPort < -1) {
            return new Failure(400, "Bad Request - Via port out of range");
        }
        String branch = r.getTopmostVia().getBranch();
        if (branch != null && branch.equalsIgnoreCase(SipMessages.MAGIC_COOKIE)) {
            return new Failure(400, "Bad Request - Via branch is only the magic cookie");
        }
        if (r.getRequestURI() instanceof SipUri u && u.getHeaderNames().hasNext()) {
            return new Failure(400, "Bad Request - Request-URI contains escaped headers");
        }
        if (r.getRequestURI() instanceof SipUri u && !validReference(u.getHost())) {
            return new Failure(400, "Bad Request - Request-URI host is not a valid IPv6 reference");
        }
        ContactList contacts = r.getContactHeaders();
        if (contacts != null) {
            for (Contact c : contacts) {
                if (c.getAddress() instanceof AddressImpl a && a.getAddressType() == AddressImpl.ADDRESS_SPEC
                        && a.getURI() instanceof SipUri u && u.getHeaderNames().hasNext()) {
                    return new Failure(400, "Bad Request - Contact URI with headers must be enclosed in angle brackets");
                }
            }
        }
        return null;
    }

    /**
     * False for a host written as an IPv6 reference ({@code [...]}) that is no IPv6 address
     * (RFC 5118 §4.8: the request is rejected rather than routed by a guess). Anything else is left
     * to resolution.
     */
    private static boolean validReference(String host) {
        if (host == null || host.isEmpty() || host.charAt(0) != '[') {
            return true;
        }
        try {
            return IpLiterals.parse(host) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Checks that decide whether a proxy may handle the request (§16.3). */
    static Failure proxy(SIPRequest r, LocalAddresses local, String loopHash, Set<String> proxyRequireSupported) {
        String scheme = r.getRequestURI().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips") && !scheme.equals("tel")) {
            return new Failure(416, "Unsupported URI Scheme");
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) r.getHeader(MaxForwardsHeader.NAME);
        if (mf != null && mf.getMaxForwards() <= 0 && !r.getMethod().equals("ACK")) {
            return new Failure(483, "Too Many Hops");
        }
        if (isLoop(r, local, loopHash)) {
            return new Failure(482, "Loop Detected");
        }
        ListIterator<?> pr = r.getHeaders(ProxyRequireHeader.NAME);
        List<String> unsupported = null;
        while (pr != null && pr.hasNext()) {
            String tag = ((ProxyRequireHeader) pr.next()).getOptionTag();
            if (!proxyRequireSupported.contains(tag)) {
                if (unsupported == null) {
                    unsupported = new ArrayList<>();
                }
                unsupported.add(tag);
            }
        }
        if (unsupported != null) {
            return new Failure(420, "Bad Extension", unsupported);
        }
        return null;
    }

    private static boolean isLoop(SIPRequest r, LocalAddresses local, String loopHash) {
        ViaList vias = r.getViaHeaders();
        if (vias == null || vias.size() < 2) {
            return false;
        }
        String prefix = SipCore.BRANCH_PREFIX + loopHash + ".";
        for (Via v : vias) {
            String b = v.getBranch();
            if (b != null && b.startsWith(prefix) && local.isLocal(v.getHost(), v.getPort(), v.getTransport())) {
                return true;
            }
        }
        return false;
    }

    /** True for methods this server knows (used to choose 400 or 501 on a CSeq mismatch). */
    static boolean knownMethod(String m) {
        return KNOWN_METHODS.contains(m);
    }

    /** Whether the transaction id is usable for RFC 3261 matching. */
    static boolean rfc3261(Via v) {
        return TransactionLayer.isRfc3261Branch(v.getBranch());
    }
}
