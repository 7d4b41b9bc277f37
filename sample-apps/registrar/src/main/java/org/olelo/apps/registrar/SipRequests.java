package org.olelo.apps.registrar;

import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.URI;
import org.olelo.apps.registrar.service.ContactSpec;
import org.olelo.apps.registrar.service.RegisterRequest;
import org.olelo.apps.registrar.service.RegistrarException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a REGISTER into the plain {@link RegisterRequest} the registrar works on, and sends simple
 * answers. The only place that knows both the servlet API and the service types. Stateless; runs
 * on the servlet's thread.
 */
final class SipRequests {

    private SipRequests() {
    }

    /**
     * @param req         a REGISTER
     * @param factory     parses the Contact values one by one (so that a bad one can be named)
     * @param contactUris receives each Contact's parsed URI under its text (the binding's contact),
     *                    so that the answer can reuse it instead of parsing that text again
     * @return its values
     * @throws RegistrarException 400 naming a malformed Contact or CSeq
     */
    static RegisterRequest register(SipServletRequest req, SipFactory factory, Map<String, URI> contactUris)
            throws RegistrarException {
        URI ruri = req.getRequestURI();
        URI to = req.getTo().getURI();
        SipURI toSip = to instanceof SipURI s ? s : null;
        boolean wildcard = false;
        List<ContactSpec> contacts = new ArrayList<>();
        for (String value : req.getHeaderList("Contact")) {
            Address a;
            try {
                a = factory.createAddress(value);
            } catch (ServletParseException | IllegalArgumentException e) {
                throw new RegistrarException(400, "Malformed Contact: " + shorten(value));
            }
            if (a.isWildcard()) {
                wildcard = true;
            } else {
                String uri = a.getURI().toString();
                contactUris.put(uri, a.getURI());
                contacts.add(new ContactSpec(uri, a.getParameter("expires"), a.getParameter("q"),
                        a.getParameter("+sip.instance"), a.getParameter("reg-id")));
            }
        }
        RegisterRequest.Source source = req.getRemoteAddr() == null ? null
                : new RegisterRequest.Source(req.getRemoteAddr(), req.getRemotePort(), req.getTransport());
        return new RegisterRequest(ruri instanceof SipURI s ? s.getHost() : null, to.getScheme(),
                toSip == null ? null : toSip.getUser(), toSip == null ? null : toSip.getHost(), req.getRemoteUser(),
                wildcard, contacts, req.getHeader("Expires"), req.getCallId(), cseq(req), req.getHeaderList("Path"),
                supports(req, "path"), source, req.getHeader("User-Agent"));
    }

    private static long cseq(SipServletRequest req) throws RegistrarException {
        String cseq = req.getHeader("CSeq");
        String number = cseq == null ? "" : cseq.strip();
        int end = 0;
        while (end < number.length() && !Character.isWhitespace(number.charAt(end))) {
            end++;
        }
        try {
            return Long.parseLong(number, 0, end, 10);
        } catch (NumberFormatException e) {
            throw new RegistrarException(400, "Malformed CSeq: " + shorten(String.valueOf(cseq)));
        }
    }

    /**
     * @param req a request
     * @param tag an option tag
     * @return whether the request lists it in Supported
     */
    static boolean supports(SipServletRequest req, String tag) {
        for (String value : req.getHeaderList("Supported")) {
            for (String t : value.split(",")) {
                if (t.trim().equalsIgnoreCase(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Sends a final answer without body.
     *
     * @param req     the request
     * @param status  the status code
     * @param reason  the reason phrase
     * @param headers extra headers
     * @throws IOException when sending fails
     */
    static void answer(SipServletRequest req, int status, String reason, Map<String, String> headers) throws IOException {
        SipServletResponse resp = req.createResponse(status, reason);
        headers.forEach(resp::setHeader);
        resp.send();
    }

    private static String shorten(String s) {
        String t = s.replaceAll("[\\r\\n\\t]+", " ");
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }
}
