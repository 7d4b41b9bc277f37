package org.olelo.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The SIP messages one sipp run sent and received, read from its {@code -trace_msg} file
 * ({@code <scenario>_<pid>_messages.log}), for checks of what a peer actually saw.
 */
final class SippMessages {

    /** One message: whether sipp received it, and its text (start line and headers, body). */
    record Message(boolean received, String text) {

        /** @return the start line */
        String startLine() {
            return text.lines().findFirst().orElse("");
        }

        /** @return whether this is a response with that status */
        boolean isResponse(int status) {
            return startLine().startsWith("SIP/2.0 " + status + " ");
        }

        /** @return the values of a header (full name, case-insensitive), in order */
        List<String> headers(String name) {
            List<String> out = new ArrayList<>();
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : text.split("\r?\n")) {
                if (line.isEmpty()) {
                    break; // end of the headers
                }
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    out.add(line.substring(prefix.length()).trim());
                }
            }
            return out;
        }

        /** @return the tag parameter of To, or null */
        String toTag() {
            for (String to : headers("To")) {
                int i = to.toLowerCase(Locale.ROOT).indexOf(";tag=");
                if (i >= 0) {
                    return to.substring(i + 5).split("[;>\\s]")[0];
                }
            }
            return null;
        }
    }

    private SippMessages() {
    }

    /** Every message in the run's folder, in the order sipp logged them. */
    static List<Message> read(Path runDir) {
        try (Stream<Path> s = Files.list(runDir)) {
            Path log = s.filter(p -> p.getFileName().toString().endsWith("_messages.log")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no message trace in " + runDir));
            return parse(Files.readString(log, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Message> parse(String log) {
        List<Message> out = new ArrayList<>();
        for (String block : log.split("-{20,}[^\n]*\n")) {
            int nl = block.indexOf('\n');
            if (nl < 0) {
                continue;
            }
            String first = block.substring(0, nl);
            boolean received = first.contains("received");
            boolean sent = first.contains("sent");
            if (!received && !sent) {
                continue;
            }
            String text = block.substring(nl + 1).strip();
            if (!text.isEmpty()) {
                out.add(new Message(received, text));
            }
        }
        return out;
    }
}
