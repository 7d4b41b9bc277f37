package org.olelo.core.message.fast;

import gov.nist.core.NameValue;
import gov.nist.javax.sip.header.Protocol;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.header.ViaList;
import java.text.ParseException;

/**
 * Via's fast path: one via-parm of the form {@code SIP/2.0/UDP host[:port](;name[=token])*} where the
 * host is a name or IPv4 address (letters, digits, dots, hyphens), the port at most five digits, each
 * parameter name and value made of token characters and no name given twice. Anything else
 * (several values, comments, quoted values, IPv6 references, white space inside) is declined.
 * Builds what {@code ViaParser} builds: a {@link ViaList} of one {@link Via} whose protocol, sent-by
 * and parameters are set through the same calls.
 *
 * <p>Stateless; any thread.
 */
final class FastVia {

    private FastVia() {
    }

    static SIPHeader parse(byte[] d, int s, int e) throws ParseException {
        int k = token(d, s, e);
        if (k == s || k >= e || d[k] != '/') {
            return null;
        }
        int v = k + 1;
        int ve = token(d, v, e);
        if (ve == v || ve >= e || d[ve] != '/') {
            return null;
        }
        int t = ve + 1;
        int te = token(d, t, e);
        if (te == t || te >= e || d[te] != ' ') {
            return null;
        }
        int h = te + 1;
        while (h < e && d[h] == ' ') {
            h++;
        }
        int p = FastHostPort.end(d, h, e);
        if (p < 0) {
            return null;
        }
        Via via = new Via();
        Protocol protocol = new Protocol();
        protocol.setProtocolName(Bytes.ascii(d, s, k));
        protocol.setProtocolVersion(Bytes.ascii(d, v, ve));
        protocol.setTransport(Bytes.ascii(d, t, te));
        via.setSentProtocol(protocol);
        via.setSentBy(FastHostPort.of(d, h, p));
        if (!Params.parse(d, p, e, via)) {
            return null;
        }
        ViaList list = new ViaList();
        list.add(via);
        return list;
    }

    private static int token(byte[] d, int s, int e) {
        int k = s;
        while (k < e && Bytes.isToken(d[k])) {
            k++;
        }
        return k;
    }

    /** Via parameters: {@code (;name[=value])*} to the end, token characters only. */
    static final class Params {

        private Params() {
        }

        static boolean parse(byte[] d, int p, int e, Via via) throws ParseException {
            while (p < e) {
                if (d[p] != ';') {
                    return false;
                }
                int n = p + 1;
                int ne = token(d, n, e);
                if (ne == n) {
                    return false;
                }
                String name = Bytes.lowerAscii(d, n, ne);
                if (via.hasParameter(name)) {
                    return false;
                }
                p = ne;
                String value = null;
                if (p < e && d[p] == '=') {
                    int vs = p + 1;
                    p = token(d, vs, e);
                    if (p == vs) {
                        return false;
                    }
                    value = Bytes.ascii(d, vs, p);
                }
                if (value == null && name.equals("branch")) {
                    return false;
                }
                via.setParameter(new NameValue(name, value));
            }
            return true;
        }
    }
}
