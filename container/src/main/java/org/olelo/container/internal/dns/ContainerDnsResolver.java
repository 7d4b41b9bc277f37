package org.olelo.container.internal.dns;

import jakarta.servlet.sip.DnsResolver;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.TelURL;
import jakarta.servlet.sip.URI;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.olelo.container.internal.address.Uris;
import org.olelo.core.SipCore;
import org.olelo.core.routing.Hop;
import org.olelo.core.spi.SipServerLocator;
import org.olelo.core.transport.InternalTransport;
import org.olelo.core.transport.Transport;

/**
 * JSR 359's {@link DnsResolver}, published to every application under
 * {@code SipServlet.DNS_RESOLVER}: ENUM (RFC 6116) for {@code tel} URLs and SIP URIs whose user is
 * an E.164 number ({@code +} and digits), RFC 3263 location to tell whether a URI reaches this
 * server, and raw records, all through the core's {@link SipServerLocator}. A SIP URI that is no
 * telephone number resolves to itself.
 *
 * <p>Threads: every method but {@link #toEnum} may block for DNS look-ups (bounded by the
 * {@code dns.} timeouts): applications call it on their own threads.
 */
public final class ContainerDnsResolver implements DnsResolver {

    private final SipCore core;
    private final String enumSuffix;

    /** @param core the core whose locator answers (none: ENUM and records fail with an IOException) */
    public ContainerDnsResolver(SipCore core) {
        this.core = core;
        String s = core.config().extensions().getOrDefault("dns.enum.suffix", "").trim();
        this.enumSuffix = s.isEmpty() ? "e164.arpa" : s;
    }

    @Override
    public String toEnum(URI uri) {
        String n = number(uri);
        if (n == null) {
            throw new IllegalArgumentException("not a telephone number URI");
        }
        SipServerLocator l = core.locator();
        if (l != null) {
            return l.enumDomain(n);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = n.length() - 1; i >= 0; i--) {
            if (Character.isDigit(n.charAt(i))) {
                sb.append(n.charAt(i)).append('.');
            }
        }
        return sb.append(enumSuffix).toString();
    }

    @Override
    public boolean resolvesInternally(SipURI uri) {
        javax.sip.address.URI jain = Uris.toJain(uri);
        if (jain instanceof javax.sip.address.SipURI su && core.isLocal(su)) {
            return true;
        }
        try {
            for (Hop h : core.resolveAll(jain, null)) {
                if (h.transport() instanceof InternalTransport || isListening(h)) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    @Override
    public SipURI resolveToSipURI(URI uri) throws IOException {
        List<SipURI> all = resolveToSipURIs(uri);
        return all.isEmpty() ? null : all.get(0);
    }

    @Override
    public List<SipURI> resolveToSipURIs(URI uri) throws IOException {
        String n = number(uri);
        if (n == null) {
            return uri instanceof SipURI su ? List.of(su) : List.of();
        }
        List<SipURI> out = new ArrayList<>();
        for (String s : locator().enumUris(n)) {
            try {
                if (Uris.parse(s) instanceof SipURI su) {
                    out.add(su);
                }
            } catch (ServletParseException e) {
                // a record whose rewrite is no valid URI is skipped, as RFC 6116 §3.1 allows
            }
        }
        return out;
    }

    @Override
    public List<String> resolveToStrings(URI uri, String type) throws IOException {
        String n = number(uri);
        String name = n != null ? toEnum(uri) : uri instanceof SipURI su ? su.getHost() : null;
        if (name == null) {
            throw new IOException("no host or telephone number in " + uri.getScheme() + " URI");
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return locator().records(name, type);
    }

    private SipServerLocator locator() throws IOException {
        SipServerLocator l = core.locator();
        if (l == null) {
            throw new IOException("DNS look-ups are off (dns.rfc3263=false or no DNS module)");
        }
        return l;
    }

    private boolean isListening(Hop h) {
        for (Transport t : core.transports()) {
            if (t.localAddress() != null && t.localAddress().equals(h.address())) {
                return true;
            }
        }
        return false;
    }

    /** The E.164 number of a global tel URL or of a SIP URI whose user is one, else null. */
    static String number(URI uri) {
        String n = null;
        if (uri instanceof TelURL tel) {
            n = tel.isGlobal() ? "+" + tel.getPhoneNumber() : null;
        } else if (uri instanceof SipURI su && su.getUser() != null) {
            String user = su.getUser();
            int semi = user.indexOf(';');
            n = semi < 0 ? user : user.substring(0, semi);
        }
        if (n == null || !n.startsWith("+")) {
            return null;
        }
        for (int i = 1; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!Character.isDigit(c) && c != '-' && c != '.' && c != '(' && c != ')') {
                return null;
            }
        }
        return n.length() > 1 ? n : null;
    }
}
