package org.olelo.testclient;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.BiConsumer;

/** UDP on a free port of 127.0.0.1: one reader thread; a datagram that does not parse is dropped. */
final class UdpWire extends Wire {

    private final DatagramSocket socket;

    UdpWire(InetAddress host, BiConsumer<SipMessage, InetSocketAddress> sink) throws IOException {
        super(sink);
        socket = new DatagramSocket(new InetSocketAddress(host, 0));
        daemon("sip-test-client-udp-" + socket.getLocalPort(), this::read);
    }

    private void read() {
        byte[] buf = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            try {
                sink.accept(SipMessage.parse(p.getData(), p.getLength()), (InetSocketAddress) p.getSocketAddress());
            } catch (RuntimeException e) {
                // keep-alives, garbage and messages the client cannot use are dropped; the reader goes on
            }
        }
    }

    @Override
    InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    String transport() {
        return "UDP";
    }

    @Override
    void send(SipMessage m, InetSocketAddress to) throws IOException {
        byte[] b = m.toBytes();
        socket.send(new DatagramPacket(b, b.length, to));
    }

    @Override
    public void close() {
        socket.close();
    }
}
