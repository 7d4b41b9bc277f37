package org.olelo.testclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * TCP: a listening socket on a free port of 127.0.0.1 for connections the server opens, and
 * connections of its own to the addresses it sends to. Every connection, accepted or opened, is
 * kept by its peer's address and used for whatever is sent there next (responses go back on the
 * connection the request came on). One reader thread per connection.
 */
final class TcpWire extends Wire {

    private final ServerSocket server;
    private final Map<InetSocketAddress, Socket> connections = new ConcurrentHashMap<>();

    TcpWire(InetAddress host, BiConsumer<SipMessage, InetSocketAddress> sink) throws IOException {
        super(sink);
        server = new ServerSocket(0, 50, host);
        daemon("sip-test-client-tcp-" + server.getLocalPort(), this::accept);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                adopt(server.accept());
            } catch (IOException e) {
                return;
            }
        }
    }

    private void adopt(Socket s) {
        InetSocketAddress peer = (InetSocketAddress) s.getRemoteSocketAddress();
        connections.put(peer, s);
        daemon("sip-test-client-tcp-" + server.getLocalPort() + "-" + peer.getPort(), () -> read(s, peer));
    }

    private void read(Socket s, InetSocketAddress peer) {
        try (s; InputStream in = s.getInputStream()) {
            while (true) {
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                int c;
                int state = 0;
                while (state < 4 && (c = in.read()) >= 0) {
                    if (head.size() == 0 && (c == '\r' || c == '\n')) {
                        continue; // keep-alive CRLFs between messages
                    }
                    head.write(c);
                    state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
                }
                if (state < 4) {
                    return;
                }
                String text = head.toString(StandardCharsets.ISO_8859_1);
                int length = 0;
                for (String line : text.split("\r\n")) {
                    String lower = line.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("content-length:") || lower.startsWith("l:")) {
                        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
                    }
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                head.write(body);
                sink.accept(SipMessage.parse(head.toByteArray(), head.size()), peer);
            }
        } catch (IOException | RuntimeException e) {
            // the peer closed the connection or sent something that is not SIP: the connection is dropped
        } finally {
            connections.remove(peer, s);
        }
    }

    @Override
    InetSocketAddress local() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    String transport() {
        return "TCP";
    }

    @Override
    void send(SipMessage m, InetSocketAddress to) throws IOException {
        Socket s = connections.get(to);
        if (s == null || s.isClosed()) {
            s = new Socket();
            s.connect(to, 5000);
            adopt(s);
        }
        synchronized (s) {
            s.getOutputStream().write(m.toBytes());
            s.getOutputStream().flush();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.values().forEach(s -> {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
    }
}
