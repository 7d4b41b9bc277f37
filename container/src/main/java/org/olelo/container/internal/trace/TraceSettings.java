package org.olelo.container.internal.trace;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code trace.*} configuration keys. Immutable value; any thread.
 *
 * @param users      users whose messages are traced: {@code alice} (any domain) or
 *                   {@code alice@example.com}, lower case
 * @param calls      Call-IDs whose messages are traced
 * @param file       where traced messages are written; null for {@link #DEFAULT_FILE_NAME} in the
 *                   data folder
 * @param hep        the Homer collector traced messages are also sent to (HEP v3 over UDP), as
 *                   given (unresolved); null for none
 * @param hepId      the capture agent id written in each HEP packet (0 to 4294967295)
 */
public record TraceSettings(List<String> users, List<String> calls, Path file, InetSocketAddress hep, long hepId) {

    /** Name of the trace file in the data folder unless {@code trace.file} names another. */
    public static final String DEFAULT_FILE_NAME = "sip-trace.log";
    /** Most users or Call-IDs one setting may name. */
    public static final int MAX_ENTRIES = 1000;

    /** No trace, the default file, no collector, capture agent id 1. */
    public static final TraceSettings NONE = new TraceSettings(List.of(), List.of(), null, null, 1);

    /** Freezes the lists and checks the bounds. */
    public TraceSettings {
        users = List.copyOf(users);
        calls = List.copyOf(calls);
        if (users.size() > MAX_ENTRIES || calls.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " users and " + MAX_ENTRIES + " Call-IDs");
        }
        if (hepId < 0 || hepId > 0xffff_ffffL) {
            throw new IllegalArgumentException("trace.hep.id must be from 0 to 4294967295");
        }
    }

    /**
     * @param dataDir the data folder
     * @return the file traced messages go to
     */
    public Path fileIn(Path dataDir) {
        return file != null ? file : dataDir.resolve(DEFAULT_FILE_NAME);
    }

    /** @return one filter per user and per Call-ID */
    public List<TraceFilter> filters() {
        return java.util.stream.Stream.concat(users.stream().map(TraceFilter::user), calls.stream().map(TraceFilter::call))
                .distinct().toList();
    }
}
