package org.olelo.apps.registrar;

import jakarta.servlet.sip.Flow;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipURI;
import org.olelo.apps.registrar.service.Aor;
import org.olelo.apps.registrar.service.ContactSpec;
import org.olelo.apps.registrar.service.Gruus;
import org.olelo.apps.registrar.service.OutboundFlows;
import org.olelo.apps.registrar.service.RegisterRequest;
import org.olelo.apps.registrar.service.RegistrarException;
import org.olelo.apps.registrar.spi.Binding;

import java.util.Map;
import java.util.function.Function;

/**
 * The REGISTER side of RFC 5626 (outbound) and RFC 5627 (GRUU), on the servlet API: whether a
 * REGISTER asks for outbound, the 439 when its first hop cannot keep flows, the flow to remember,
 * and the GRUU parameters of the 200's Contacts. Stateless; runs on the servlet's thread.
 */
final class Outbound {

    private Outbound() {
    }

    /**
     * True when the REGISTER uses outbound: {@code Supported: outbound} and a Contact with both
     * {@code +sip.instance} and {@code reg-id} (RFC 5626 §6).
     */
    static boolean applies(SipServletRequest req) {
        if (!SipRequests.supports(req, "outbound")) {
            return false;
        }
        try {
            for (java.util.ListIterator<jakarta.servlet.sip.Address> it = req.getAddressHeaders("Contact"); it.hasNext(); ) {
                jakarta.servlet.sip.Address a = it.next();
                if (!a.isWildcard() && a.getParameter("+sip.instance") != null && a.getParameter("reg-id") != null) {
                    return true;
                }
            }
        } catch (jakarta.servlet.sip.ServletParseException e) {
            return false; // a malformed Contact: the registrar has answered 400 already
        }
        return false;
    }

    /**
     * RFC 5626 §6: an outbound REGISTER that came through proxies whose first hop (the last Path
     * entry) did not mark its Path URI with {@code ob} is answered 439.
     *
     * @throws RegistrarException 439 First Hop Lacks Outbound Support
     */
    static void checkFirstHop(SipServletRequest req, RegisterRequest r) throws RegistrarException {
        if (r.path().isEmpty() || !applies(req) || r.contacts().stream().map(ContactSpec::regId).allMatch(id -> id == null)) {
            return;
        }
        String edge = r.path().get(r.path().size() - 1);
        if (!edge.toLowerCase(java.util.Locale.ROOT).matches(".*;ob([;>=].*)?")) {
            throw new RegistrarException(439, "First Hop Lacks Outbound Support", Map.of());
        }
    }

    /**
     * Remembers the flow an outbound REGISTER came over when this registrar is its edge (no Path)
     * and the flow can fail (a connection), so that its failure removes the binding.
     */
    static void noteFlow(SipServletRequest req, OutboundFlows flows) {
        if (!req.getHeaderList("Path").isEmpty() || "UDP".equalsIgnoreCase(req.getTransport())) {
            return;
        }
        Flow flow = req.getSession().getFlow();
        if (flow != null && req.getTo().getURI() instanceof SipURI to) {
            try {
                flows.bind(flow.getToken(), Aor.of(to.getScheme(), to.getUser(), to.getHost()).key());
            } catch (RegistrarException e) {
                // the registrar accepted this AOR already: cannot happen
            }
        }
    }

    /**
     * @return the {@code ;pub-gruu="..";temp-gruu=".."} to add to a binding's Contact in the 200,
     *         "" when the UA did not list {@code gruu} in Supported or the binding has no instance
     */
    static Function<Binding, String> gruuParams(SipServletRequest req, Gruus gruus) {
        if (!SipRequests.supports(req, "gruu") || !(req.getTo().getURI() instanceof SipURI to)) {
            return b -> "";
        }
        Aor aor;
        try {
            aor = Aor.of(to.getScheme(), to.getUser(), to.getHost());
        } catch (RegistrarException e) {
            return b -> "";
        }
        return b -> b.instance() == null ? ""
                : ";pub-gruu=\"" + gruus.publicGruu(aor, b.instance()) + "\";temp-gruu=\""
                        + gruus.temporaryGruu(aor, b.instance()) + "\"";
    }
}
