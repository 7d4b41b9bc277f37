package org.olelo.core.message.lazy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The RFC 4475 and RFC 5118 torture messages, read from the container module's test data (the
 * build runs tests in the module folder, so the sibling module is one level up).
 */
final class TortureMessages {

    private static final Path ROOT = Path.of("..", "container", "src", "test", "testdata");

    /** The RFC 4475 messages the server relays (the valid ones of RFC 4475 §3.1). */
    static final List<String> VALID_4475 = List.of("wsinv.sip", "intmeth.sip", "esc01.sip", "escnull.sip",
            "esc02.sip", "lwsdisp.sip", "longreq.sip", "dblreq.sip", "semiuri.sip", "transports.sip", "mpart01.sip",
            "unreason.sip", "noreason.sip");

    private TortureMessages() {
    }

    /** Every message of a folder ({@code rfc4475} or {@code rfc5118}), sorted by name. */
    static List<Path> all(String folder) throws IOException {
        Path dir = ROOT.resolve(folder);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("test data missing: " + dir.toAbsolutePath());
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".sip")).sorted().toList();
        }
    }

    static byte[] bytes(String folder, String file) throws IOException {
        return Files.readAllBytes(ROOT.resolve(folder).resolve(file));
    }
}
