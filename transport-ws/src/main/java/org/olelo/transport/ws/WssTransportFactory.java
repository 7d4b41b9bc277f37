package org.olelo.transport.ws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.spi.TransportFactory;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;
import org.olelo.transport.tls.TlsContexts;
import org.olelo.transport.tls.TlsSettings;

/**
 * Makes {@code wss:} listening points: SIP over secure WebSocket, the {@link WsTransport} on a TLS
 * server socket whose certificate, protocols and cipher suites come from the {@code tls.*} settings
 * ({@link TlsContexts}), as for {@code tls:}. The TLS handshake runs on the connection's reader
 * thread, before the WebSocket handshake, within the message timeout. Runs on the starting thread;
 * loads the key files there.
 */
public final class WssTransportFactory implements TransportFactory {

    @Override
    public String kind() {
        return "WSS";
    }

    /** @throws IOException when a {@code tls.*} or {@code ws.*} setting is wrong or missing, naming the key */
    @Override
    public Transport create(ListenAddress address, TransportContext context) throws IOException {
        TlsSettings tls = TlsSettings.from(context);
        if (!tls.hasIdentity()) {
            throw new IOException("a wss: listening point needs a certificate: set " + TlsSettings.CERTIFICATE + " and "
                    + TlsSettings.PRIVATE_KEY + ", or " + TlsSettings.KEYSTORE);
        }
        SSLContext ssl = TlsContexts.serverContext(tls);
        return new WsTransport(address, context, WsSettings.from(context),
                new TlsServerSockets(ssl.getServerSocketFactory(), TlsContexts.serverParameters(ssl, tls)));
    }

    /** TLS server sockets set to the protocols, suites and client authentication of the settings. */
    private static final class TlsServerSockets extends ServerSocketFactory {
        private final ServerSocketFactory tls;
        private final SSLParameters parameters;

        TlsServerSockets(ServerSocketFactory tls, SSLParameters parameters) {
            this.tls = tls;
            this.parameters = parameters;
        }

        private ServerSocket set(ServerSocket s) {
            ((SSLServerSocket) s).setSSLParameters(parameters);
            return s;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return set(tls.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return set(tls.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return set(tls.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return set(tls.createServerSocket(port, backlog, address));
        }
    }
}
