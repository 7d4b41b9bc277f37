package org.olelo.apps.registrar.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One registered contact of an address-of-record: the row of Kamailio's {@code location} table.
 *
 * <p>Immutable value; any thread.
 *
 * @param aor        the canonical AOR, e.g. {@code sip:alice@example.com}
 * @param contact    the contact URI, without the Contact header's parameters
 * @param expiresAt  when the binding expires, epoch milliseconds
 * @param q          the preference in thousandths (0 to 1000), or {@link #NO_Q} when the Contact
 *                   had no {@code q} parameter
 * @param callId     the Call-ID of the REGISTER that last set the binding
 * @param cseq       the CSeq number of that REGISTER
 * @param path       the Path header values of that REGISTER (RFC 3327), in order; each a
 *                   name-addr such as {@code <sip:edge.example.com;lr>}
 * @param received   where that REGISTER came from, as {@code sip:HOST:PORT} (an IPv6 host in
 *                   brackets), or null when unknown
 * @param transport  the transport it came over in lower case ({@code udp}, {@code tcp}...), or null
 * @param instance   the {@code +sip.instance} value without quotes (RFC 5626), or null
 * @param regId      the {@code reg-id} (RFC 5626), or {@link #NO_REG_ID}
 * @param userAgent  the User-Agent header, or null
 * @param updated    when the binding was last written, epoch milliseconds
 */
public record Binding(String aor, String contact, long expiresAt, int q, String callId, long cseq,
                      List<String> path, String received, String transport, String instance, int regId,
                      String userAgent, long updated) {

    /** The value of {@link #q} for a contact registered without a q parameter. */
    public static final int NO_Q = -1;
    /** The value of {@link #regId} for a contact registered without a reg-id parameter. */
    public static final int NO_REG_ID = 0;

    /** Checks the required components and freezes the path. */
    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(callId, "callId");
        if (q < NO_Q || q > 1000) {
            throw new IllegalArgumentException("q must be -1 or 0..1000, not " + q);
        }
        if (regId < 0) {
            throw new IllegalArgumentException("reg-id must not be negative: " + regId);
        }
        path = path == null ? List.of() : List.copyOf(path);
    }

    /**
     * @param now the current time, epoch milliseconds
     * @return whether the binding has expired at {@code now}
     */
    public boolean expired(long now) {
        return expiresAt <= now;
    }

    /**
     * @param now the current time, epoch milliseconds
     * @return the whole seconds left, rounded up, never negative
     */
    public long remainingSeconds(long now) {
        long ms = expiresAt - now;
        return ms <= 0 ? 0 : (ms + 999) / 1000;
    }

    /** @return the preference used for ordering: {@link #q}, or 1000 when the contact had none */
    public int effectiveQ() {
        return q == NO_Q ? 1000 : q;
    }

    /** @return {@link #q} written as a SIP qvalue ({@code 0.5}, {@code 1.0}), or null when absent */
    public String qText() {
        if (q == NO_Q) {
            return null;
        }
        String frac = String.format(Locale.ROOT, "%03d", q % 1000).replaceAll("0+$", "");
        return (q / 1000) + "." + (frac.isEmpty() ? "0" : frac);
    }
}
