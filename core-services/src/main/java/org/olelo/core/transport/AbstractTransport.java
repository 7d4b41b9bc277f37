package org.olelo.core.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Shared fields of the socket transports: the configured listening point and the sink. */
abstract class AbstractTransport implements Transport {

    protected final ListenAddress listen;
    protected final InboundSink sink;
    protected final int maxMessageBytes;
    protected volatile InetSocketAddress bound;

    AbstractTransport(ListenAddress listen, InboundSink sink, int maxMessageBytes) {
        this.listen = listen;
        this.sink = sink;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public String name() {
        return listen.transport();
    }

    @Override
    public InetSocketAddress localAddress() {
        return bound;
    }

    @Override
    public String advertisedHost() {
        InetAddress a = bound.getAddress();
        if (a.isAnyLocalAddress()) {
            try {
                a = InetAddress.getLocalHost();
            } catch (UnknownHostException e) {
                a = InetAddress.getLoopbackAddress();
            }
        }
        return format(a);
    }

    /** An address as written in SIP: IPv4 dotted, IPv6 in brackets in RFC 5952 short form. */
    static String format(InetAddress a) {
        if (!(a instanceof java.net.Inet6Address)) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 1 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.append(']').toString();
    }

    @Override
    public int advertisedPort() {
        return bound.getPort();
    }

    @Override
    public String toString() {
        return name().toLowerCase() + ":" + advertisedHost() + ":" + advertisedPort();
    }
}
