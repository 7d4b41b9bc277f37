package org.olelo.apps.registrar.msilo;

import java.util.Objects;

/**
 * One stored MESSAGE: a row of the table {@code silo}.
 *
 * <p>Immutable value; any thread. The body array is not copied: callers do not change it.
 *
 * @param id          the row id (0 before it is stored); ids grow in the order messages arrived
 * @param from        the original From header value without its tag, e.g.
 *                    {@code "Alice" <sip:alice@example.com>} ({@code src_addr})
 * @param aor         the canonical AOR of the recipient, {@code sip:bob@example.com} ({@code dst_addr})
 * @param incTime     when it was accepted, epoch seconds ({@code inc_time}; the Date of the delivery)
 * @param expTime     when it is removed undelivered, epoch seconds ({@code exp_time})
 * @param nextTry     not delivered by the sweep before this, epoch seconds; 0 at once ({@code snd_time})
 * @param contentType the Content-Type, or null for a MESSAGE without body ({@code ctype})
 * @param body        the body bytes, possibly empty
 * @param callId      the Call-ID of the original MESSAGE, for the log
 * @param attempts    failed delivery attempts so far
 */
public record StoredMessage(long id, String from, String aor, long incTime, long expTime, long nextTry,
                            String contentType, byte[] body, String callId, int attempts) {

    /** Checks the required parts. */
    public StoredMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(aor, "aor");
        body = body == null ? new byte[0] : body;
    }
}
