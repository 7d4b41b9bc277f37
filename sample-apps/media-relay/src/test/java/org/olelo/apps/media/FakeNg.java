package org.olelo.apps.media;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.olelo.apps.media.ng.Bencode;

/**
 * An ng control server on a UDP port of 127.0.0.1 for tests: answers each request (cookie, space,
 * bencoded dictionary) with what {@code answer} makes of its dictionary, or drops everything while
 * {@link #silent}. Records the commands it received, retransmissions included.
 */
final class FakeNg implements AutoCloseable {

    final DatagramSocket socket;
    final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    volatile boolean silent;
    private final Function<Map<String, Object>, Map<String, Object>> answer;

    FakeNg(Function<Map<String, Object>, Map<String, Object>> answer) throws Exception {
        this.answer = answer;
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(this::serve);
    }

    String spec(int weight) {
        return "udp:127.0.0.1:" + socket.getLocalPort() + ";weight=" + weight;
    }

    @SuppressWarnings("unchecked")
    private void serve() {
        byte[] buf = new byte[65_535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                int space = text.indexOf(' ');
                Map<String, Object> command = (Map<String, Object>) Bencode.decode(
                        text.substring(space + 1).getBytes(StandardCharsets.UTF_8));
                received.add(command);
                if (silent) {
                    continue;
                }
                byte[] body = Bencode.encode(answer.apply(command));
                byte[] head = text.substring(0, space + 1).getBytes(StandardCharsets.US_ASCII);
                byte[] out = new byte[head.length + body.length];
                System.arraycopy(head, 0, out, 0, head.length);
                System.arraycopy(body, 0, out, head.length, body.length);
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (Exception e) {
                // closed, or a test sent garbage
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
