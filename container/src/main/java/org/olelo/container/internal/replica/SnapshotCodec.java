package org.olelo.container.internal.replica;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.olelo.container.internal.ua.DialogFacts;

/**
 * The bytes a {@link SessionSnapshot} is stored in: a version byte, then every field in a fixed
 * order (strings as UTF, a null string as an absent flag, maps and lists with their size). No
 * class of the application is read here: the attributes stay serialised bytes until a node
 * restores the session with the application's class loader. Stateless; any thread.
 */
public final class SnapshotCodec {

    private static final int VERSION = 1;
    /** Bounds a count read from the bytes, so that damaged bytes cannot make a huge allocation. */
    private static final int MAX_COUNT = 100_000;

    private SnapshotCodec() {
    }

    /** @return the bytes of the snapshot */
    public static byte[] encode(SessionSnapshot s) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeByte(VERSION);
            out.writeUTF(s.id());
            out.writeUTF(s.app());
            text(out, s.writer());
            out.writeLong(s.expirationTime());
            out.writeBoolean(s.invalidateWhenReady());
            attributes(out, s.attributes());
            out.writeInt(s.sessions().size());
            for (SessionSnapshot.SipSessionSnapshot ss : s.sessions()) {
                out.writeUTF(ss.id());
                text(out, ss.callId());
                text(out, ss.handler());
                out.writeUTF(ss.state());
                out.writeUTF(ss.role());
                attributes(out, ss.attributes());
                dialog(out, ss.dialog());
            }
            out.writeInt(s.timers().size());
            for (SessionSnapshot.TimerSnapshot t : s.timers()) {
                out.writeUTF(t.id());
                bytes(out, t.info());
                out.writeLong(t.nextFire());
                out.writeLong(t.period());
                out.writeBoolean(t.fixedRate());
                out.writeBoolean(t.persistent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    /**
     * @return the snapshot the bytes hold
     * @throws IllegalArgumentException when they are not the bytes of a snapshot of this version
     */
    public static SessionSnapshot decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("not a session copy of version " + VERSION);
            }
            String id = in.readUTF();
            String app = in.readUTF();
            String writer = text(in);
            long expires = in.readLong();
            boolean whenReady = in.readBoolean();
            Map<String, byte[]> attributes = attributes(in);
            int n = count(in);
            List<SessionSnapshot.SipSessionSnapshot> sessions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                sessions.add(new SessionSnapshot.SipSessionSnapshot(in.readUTF(), text(in), text(in), in.readUTF(),
                        in.readUTF(), attributes(in), dialog(in)));
            }
            int m = count(in);
            List<SessionSnapshot.TimerSnapshot> timers = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                timers.add(new SessionSnapshot.TimerSnapshot(in.readUTF(), bytes(in), in.readLong(), in.readLong(),
                        in.readBoolean(), in.readBoolean()));
            }
            return new SessionSnapshot(id, app, writer, expires, whenReady, attributes, sessions, timers);
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged session copy: " + e, e);
        }
    }

    private static void dialog(DataOutputStream out, DialogFacts d) throws IOException {
        out.writeBoolean(d != null);
        if (d == null) {
            return;
        }
        out.writeUTF(d.mode());
        out.writeUTF(d.callId());
        text(out, d.localTag());
        text(out, d.remoteTag());
        text(out, d.localAddress());
        text(out, d.remoteAddress());
        text(out, d.remoteTarget());
        out.writeInt(d.routeSet().size());
        for (String r : d.routeSet()) {
            out.writeUTF(r);
        }
        out.writeLong(d.localCSeq());
        out.writeLong(d.remoteCSeq());
        out.writeBoolean(d.secure());
        text(out, d.transport());
        out.writeBoolean(d.invite());
    }

    private static DialogFacts dialog(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String mode = in.readUTF();
        String callId = in.readUTF();
        String localTag = text(in);
        String remoteTag = text(in);
        String local = text(in);
        String remote = text(in);
        String target = text(in);
        int n = count(in);
        List<String> routes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            routes.add(in.readUTF());
        }
        return new DialogFacts(mode, callId, localTag, remoteTag, local, remote, target, routes, in.readLong(),
                in.readLong(), in.readBoolean(), text(in), in.readBoolean());
    }

    private static void attributes(DataOutputStream out, Map<String, byte[]> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, byte[]> e : m.entrySet()) {
            out.writeUTF(e.getKey());
            bytes(out, e.getValue());
        }
    }

    private static Map<String, byte[]> attributes(DataInputStream in) throws IOException {
        int n = count(in);
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(in.readUTF(), bytes(in));
        }
        return m;
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > in.available()) {
            throw new IOException("a length of " + n + " past the end");
        }
        return in.readNBytes(n);
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("a count of " + n);
        }
        return n;
    }
}
