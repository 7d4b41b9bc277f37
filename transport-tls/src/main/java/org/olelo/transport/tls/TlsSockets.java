package org.olelo.transport.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.olelo.core.internal.log.LogThrottle;
import org.olelo.core.stats.CoreStatistics;
import org.olelo.core.transport.StreamSockets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS over the core's stream listening point: wraps each accepted TCP socket in a server-mode
 * {@link SSLSocket}, shakes hands on the connection's reader thread before the first read, and
 * opens outgoing connections as TLS clients that check the server's certificate and host name.
 * The contexts can be rebuilt from the configured files ({@link #reloadCredentials}); connections already
 * open keep theirs.
 *
 * <p>Threads: {@link #accepted} runs on the accept thread and does not block; {@link #handshake}
 * on the reader thread, blocking up to the socket's read timeout; {@link #connect} on the sending
 * thread, blocking up to the connect timeout for the connection and again for the handshake.
 */
final class TlsSockets implements StreamSockets {

    private static final Logger LOG = LoggerFactory.getLogger(TlsSockets.class);

    private final TlsSettings settings;
    private final CoreStatistics statistics;
    private final String listening;
    private final LogThrottle failedLog = new LogThrottle(10, TimeUnit.SECONDS);
    private volatile Contexts contexts;

    /** The contexts in use and the parameters made from them, swapped whole on a reload. */
    private record Contexts(SSLContext server, SSLContext client) {
    }

    /**
     * @param listening the listening point, for log lines
     * @throws IOException naming the key whose file is missing or wrong
     */
    TlsSockets(TlsSettings settings, CoreStatistics statistics, String listening) throws IOException {
        this.settings = settings;
        this.statistics = statistics;
        this.listening = listening;
        this.contexts = build();
    }

    private Contexts build() throws IOException {
        return new Contexts(TlsContexts.serverContext(settings), TlsContexts.clientContext(settings));
    }

    /**
     * Reads the certificate, key and CA files again: new handshakes use them, open connections keep
     * what they were made with. On a failure nothing changes.
     *
     * @throws IOException naming the key whose file is missing or wrong
     */
    @Override
    public boolean reloadCredentials() throws IOException {
        contexts = build();
        LOG.info("{}: TLS certificate, key and trusted CAs reloaded; new connections use them", listening);
        return true;
    }

    @Override
    public Socket accepted(Socket raw) throws IOException {
        SSLContext c = contexts.server();
        SSLSocket s = (SSLSocket) c.getSocketFactory().createSocket(raw, null, true);
        s.setSSLParameters(TlsContexts.serverParameters(c, settings));
        return s;
    }

    @Override
    public void handshake(Socket accepted) throws IOException {
        try {
            ((SSLSocket) accepted).startHandshake();
        } catch (IOException e) {
            failed("from", accepted, e);
            throw e;
        }
    }

    @Override
    public Socket connect(InetSocketAddress to, int timeoutMillis) throws IOException {
        Socket raw = StreamSockets.PLAIN.connect(to, timeoutMillis);
        SSLContext c = contexts.client();
        SSLSocket s = null;
        try {
            s = (SSLSocket) c.getSocketFactory().createSocket(raw, to.getHostString(), to.getPort(), true);
            s.setSSLParameters(TlsContexts.clientParameters(c, settings));
            s.setSoTimeout(timeoutMillis);
            s.startHandshake();
            s.setSoTimeout(0);
            return s;
        } catch (IOException e) {
            failed("to", raw, e);
            (s == null ? raw : s).close();
            throw e;
        }
    }

    @Override
    public Certificate[] peerCertificates(Socket s) {
        try {
            return ((SSLSocket) s).getSession().getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** Counts a failed handshake; says why at INFO at most once per 10 s (any peer can cause it), else at DEBUG. */
    private void failed(String direction, Socket s, IOException e) {
        statistics.count(CoreStatistics.Event.TLS_HANDSHAKE_FAILED);
        long held = failedLog.tryLog();
        if (held >= 0) {
            LOG.info("{}: TLS handshake {} {} failed: {} ({} more failed since the last report)", listening, direction,
                    s.getRemoteSocketAddress(), e.getMessage(), held);
        } else {
            LOG.debug("{}: TLS handshake {} {} failed: {}", listening, direction, s.getRemoteSocketAddress(), e.getMessage());
        }
    }
}
