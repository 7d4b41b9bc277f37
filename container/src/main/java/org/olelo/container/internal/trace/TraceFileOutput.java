package org.olelo.container.internal.trace;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.olelo.container.internal.log.LogText;

/**
 * The trace file: each message preceded by one line that says when, which way, between which
 * addresses and for which trace, then the message exactly as it crossed the socket:
 *
 * <pre>
 * ==== 2025-03-01T10:15:02.123456+01:00 recv udp 192.0.2.10:5062 -> 192.0.2.1:5060 512 bytes trace=user:alice
 * INVITE sip:bob@example.com SIP/2.0
 * ...
 * </pre>
 *
 * Appends to the file; when it passes {@link #ROTATE_BYTES} it is renamed with the suffix
 * {@code .1} (replacing an older one) and a new file is started.
 *
 * <p>Threads: only the trace writer thread uses an instance.
 */
final class TraceFileOutput implements AutoCloseable {

    /** Size at which the file is moved aside. */
    static final long ROTATE_BYTES = 100L << 20;
    /** Start of the line before each message. */
    static final String MARK = "==== ";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Path file;
    private OutputStream out;
    private long size;

    /**
     * Opens (creates or appends to) the file, creating its folder.
     *
     * @throws IOException when it cannot be opened
     */
    TraceFileOutput(Path file) throws IOException {
        this.file = file;
        open();
    }

    private void open() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                64 * 1024);
        size = Files.size(file);
    }

    /** The file written. */
    Path file() {
        return file;
    }

    /** Appends one message. */
    void write(TraceRecord r) throws IOException {
        if (size > ROTATE_BYTES) {
            out.close();
            Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            open();
        }
        String head = MARK + TIME.format(Instant.ofEpochSecond(r.micros() / 1_000_000, (r.micros() % 1_000_000) * 1000))
                + (r.inbound() ? " recv " : " sent ") + r.transport().toLowerCase(Locale.ROOT) + " "
                + LogText.address(r.source()) + " -> " + LogText.address(r.destination()) + " " + r.data().length
                + " bytes trace=" + r.filter() + "\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        out.write(h);
        out.write(r.data());
        size += h.length + r.data().length;
        if (r.data().length == 0 || r.data()[r.data().length - 1] != '\n') {
            out.write('\n');
            size++;
        }
    }

    /** Pushes buffered messages to the file. */
    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
