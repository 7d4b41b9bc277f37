package org.olelo.core.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A peer on a UDP socket bound to 127.0.0.1 (or another local address) on a free port. */
public final class UdpPeer implements SipPeer {

    private final DatagramSocket socket;
    private final InetSocketAddress server;

    public UdpPeer(InetSocketAddress server) throws IOException {
        this(server, InetAddress.getLoopbackAddress());
    }

    /** A peer bound to {@code local}, e.g. 127.0.0.2, for tests that need several source addresses. */
    public UdpPeer(InetSocketAddress server, InetAddress local) throws IOException {
        this.server = server;
        this.socket = new DatagramSocket(new InetSocketAddress(local, 0));
    }

    @Override
    public void send(byte[] message) throws IOException {
        socket.send(new DatagramPacket(message, message.length, server));
    }

    /** Sends to another address than the one given at construction (a peer made before the server's port was known). */
    public void sendTo(byte[] message, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(message, message.length, to));
    }

    /** Sends one message a builder writes to another server than this peer's (e.g. a response to its top Via). */
    public void sendTo(SipBuilder message, InetSocketAddress to) throws IOException {
        byte[] bytes = message.bytes();
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    @Override
    public String receive(long timeoutMillis) throws IOException {
        byte[] buf = new byte[65_536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.setSoTimeout((int) Math.max(1, timeoutMillis));
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public String transport() {
        return "UDP";
    }

    @Override
    public void close() {
        socket.close();
    }
}
