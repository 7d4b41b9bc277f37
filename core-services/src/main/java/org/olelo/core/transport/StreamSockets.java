package org.olelo.core.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.Certificate;

/**
 * The socket layer under a stream listening point: plain TCP, or a security layer such as TLS
 * wrapped around each TCP connection. The core's stream listening point (see
 * {@code org.olelo.core.stream.StreamTransports}) keeps the connections, their caps, timeouts,
 * framing and keep-alives, and asks this layer only to wrap what it accepts, to finish setting a
 * connection up and to open connections out.
 */
public interface StreamSockets {

    /** Plain TCP: sockets are used as they are. */
    StreamSockets PLAIN = new StreamSockets() {
    };

    /**
     * Wraps a socket just accepted. Runs on the accept thread: must not block (no handshake here).
     *
     * @return the socket messages are read from and written to
     */
    default Socket accepted(Socket raw) throws IOException {
        return raw;
    }

    /**
     * Finishes setting up an accepted connection before its first read (a TLS handshake). Runs on
     * the connection's reader thread; the socket's read timeout is already set to the message
     * timeout, so a peer that stalls cannot hold the thread longer. Failing closes the connection;
     * the implementation counts and logs the failure as it sees fit.
     */
    default void handshake(Socket accepted) throws IOException {
    }

    /**
     * Opens a connection to a peer, set up and ready for messages. Runs on the sending thread and
     * may block up to about the timeout (connect, plus any handshake).
     *
     * @throws IOException when the peer cannot be reached or not be trusted
     */
    default Socket connect(InetSocketAddress to, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(to, timeoutMillis);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Reads the layer's credentials (certificate, key, trusted CAs) again from where they were
     * configured; connections already open keep theirs. Runs on the caller's thread (an operator's
     * command) and may block on reading files.
     *
     * @return true when this layer has credentials (and reloaded them), false when it has none
     * @throws IOException when a file is missing or wrong; the credentials in use stay
     */
    default boolean reloadCredentials() throws IOException {
        return false;
    }

    /**
     * The certificate chain the peer of a set-up connection proved it holds, leaf first; null when
     * it presented none (or the layer has no certificates).
     */
    default Certificate[] peerCertificates(Socket s) {
        return null;
    }
}
