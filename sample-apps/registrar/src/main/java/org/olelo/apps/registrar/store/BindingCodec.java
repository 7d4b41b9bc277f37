package org.olelo.apps.registrar.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.olelo.apps.registrar.spi.Binding;

/**
 * The bindings of one AOR as the bytes of a shared map's value: a format byte, the number of
 * bindings, then each binding's fields in the order of {@link Binding} (the AOR is the map's key
 * and is not repeated). Texts are a length and UTF-8; an absent text has length -1. Stateless; any
 * thread.
 */
final class BindingCodec {

    private static final int FORMAT = 1;

    private BindingCodec() {
    }

    /**
     * @param bindings the bindings of one AOR
     * @return their bytes
     */
    static byte[] encode(List<Binding> bindings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * bindings.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(bindings.size());
            for (Binding b : bindings) {
                text(out, b.contact());
                out.writeLong(b.expiresAt());
                out.writeInt(b.q());
                text(out, b.callId());
                out.writeLong(b.cseq());
                out.writeInt(b.path().size());
                for (String p : b.path()) {
                    text(out, p);
                }
                text(out, b.received());
                text(out, b.transport());
                text(out, b.instance());
                out.writeInt(b.regId());
                text(out, b.userAgent());
                out.writeLong(b.updated());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * @param aor   the AOR the bytes were stored under
     * @param bytes what {@link #encode} wrote
     * @return the bindings
     * @throws IOException when the bytes are not of this format
     */
    static List<Binding> decode(String aor, byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                throw new IOException("unknown format of the bindings of " + aor);
            }
            int n = in.readInt();
            if (n < 0 || n > bytes.length) {
                throw new IOException("malformed bindings of " + aor);
            }
            List<Binding> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String contact = text(in);
                long expiresAt = in.readLong();
                int q = in.readInt();
                String callId = text(in);
                long cseq = in.readLong();
                int paths = in.readInt();
                if (paths < 0 || paths > bytes.length) {
                    throw new IOException("malformed bindings of " + aor);
                }
                List<String> path = new ArrayList<>(paths);
                for (int p = 0; p < paths; p++) {
                    path.add(text(in));
                }
                out.add(new Binding(aor, contact, expiresAt, q, callId, cseq, path, text(in), text(in), text(in),
                        in.readInt(), text(in), in.readLong()));
            }
            return List.copyOf(out);
        } catch (RuntimeException e) {
            throw new IOException("malformed bindings of " + aor + ": " + e.getMessage(), e);
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.available()) {
            throw new IOException("malformed text length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
