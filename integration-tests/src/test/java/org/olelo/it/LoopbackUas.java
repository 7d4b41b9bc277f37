package org.olelo.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal SIP user agent server on a UDP port of 127.0.0.1, for tests that need a peer they
 * can silence and count: it answers OPTIONS, BYE and CANCEL with 200 and INVITE with 100 and 200
 * (or a chosen error status), copying Via, Record-Route, From, To (with a tag), Call-ID and CSeq;
 * it ignores ACK. {@link #silent} makes it drop everything, as a dead host would. It counts the
 * distinct Call-IDs of the INVITEs and BYEs it received (retransmissions count once) and the
 * OPTIONS.
 *
 * <p>One reader thread of its own; the counters and switches are safe from the test thread.
 */
final class LoopbackUas implements AutoCloseable {

    private final DatagramSocket socket;
    private final Thread reader;
    private final Set<String> invites = ConcurrentHashMap.newKeySet();
    private final Set<String> options = ConcurrentHashMap.newKeySet();
    private final Set<String> byes = ConcurrentHashMap.newKeySet();
    private volatile boolean silent;
    private volatile int inviteStatus = 200;

    private LoopbackUas() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        reader = Thread.ofPlatform().daemon().name("loopback-uas-" + socket.getLocalPort()).start(this::serve);
    }

    /** Starts one on a free port. */
    static LoopbackUas start() throws SocketException {
        return new LoopbackUas();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** {@code sip:127.0.0.1:<port>}. */
    String uri() {
        return "sip:127.0.0.1:" + port();
    }

    /** Drops every message from now on (true), or answers again (false). */
    void silent(boolean on) {
        silent = on;
    }

    /** The final status INVITEs get from now on (200, or an error such as 503). */
    void inviteStatus(int status) {
        inviteStatus = status;
    }

    /** Distinct calls (Call-IDs) that sent an INVITE here. */
    int invites() {
        return invites.size();
    }

    /** The Call-IDs of the INVITEs received. */
    Set<String> inviteCallIds() {
        return Set.copyOf(invites);
    }

    /** The Call-IDs of the BYEs received. */
    Set<String> byeCallIds() {
        return Set.copyOf(byes);
    }

    /** Distinct OPTIONS requests received (by Call-ID). */
    int options() {
        return options.size();
    }

    private void serve() {
        byte[] buf = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                if (!silent && !text.startsWith("SIP/2.0")) {
                    answer(text, packet);
                }
            } catch (IOException | RuntimeException e) {
                // closed, or a message this small peer does not understand: ignore it
            }
        }
    }

    private void answer(String text, DatagramPacket from) throws IOException {
        String[] lines = text.split("\r\n");
        String method = lines[0].substring(0, lines[0].indexOf(' '));
        List<String> vias = new ArrayList<>();
        List<String> routes = new ArrayList<>();
        String fromHeader = null;
        String to = null;
        String callId = null;
        String cseq = null;
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "via", "v" -> vias.add(line);
                case "record-route" -> routes.add(line);
                case "from", "f" -> fromHeader = line;
                case "to", "t" -> to = line;
                case "call-id", "i" -> callId = line.substring(colon + 1).trim();
                case "cseq" -> cseq = line;
                default -> { }
            }
        }
        if (method.equals("ACK") || callId == null) {
            return;
        }
        if (!to.toLowerCase(Locale.ROOT).contains(";tag=")) {
            to = to + ";tag=uas" + Integer.toHexString(callId.hashCode());
        }
        int status = 200;
        if (method.equals("INVITE")) {
            invites.add(callId);
            send(response(100, "Trying", vias, List.of(), fromHeader, to, callId, cseq, false), from);
            status = inviteStatus;
        } else if (method.equals("OPTIONS")) {
            options.add(callId);
        } else if (method.equals("BYE")) {
            byes.add(callId);
        }
        boolean invite200 = method.equals("INVITE") && status == 200;
        send(response(status, status == 200 ? "OK" : "Service Unavailable", vias, invite200 ? routes : List.of(),
                fromHeader, to, callId, cseq, invite200), from);
    }

    private String response(int status, String reason, List<String> vias, List<String> routes, String fromHeader,
                            String to, String callId, String cseq, boolean contact) {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        vias.forEach(v -> b.append(v).append("\r\n"));
        routes.forEach(r -> b.append(r).append("\r\n"));
        b.append(fromHeader).append("\r\n").append(status == 100 ? to.replaceAll(";tag=uas[0-9a-f-]+", "") : to)
                .append("\r\nCall-ID: ").append(callId).append("\r\n").append(cseq).append("\r\n");
        if (contact) {
            b.append("Contact: <sip:uas@127.0.0.1:").append(port()).append(">\r\n");
        }
        return b.append("Content-Length: 0\r\n\r\n").toString();
    }

    private void send(String message, DatagramPacket to) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to.getSocketAddress()));
    }

    @Override
    public void close() {
        socket.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
