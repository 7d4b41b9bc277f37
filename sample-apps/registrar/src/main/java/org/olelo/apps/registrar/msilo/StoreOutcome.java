package org.olelo.apps.registrar.msilo;

/** What {@link Silo#store} did with a MESSAGE, and the answer the servlet sends for it. */
public enum StoreOutcome {
    /** Committed to the table: {@code 202 Accepted}. */
    STORED(202, "Accepted"),
    /**
     * The user has {@code msilo.max.messages} messages waiting: {@code 480 Temporarily Unavailable}.
     * Not 486: that says the user's device was reached and is busy, which is false here; 480 says the
     * user cannot be reached now, which is true, and a later try can succeed.
     */
    FULL(480, "Temporarily Unavailable"),
    /** The body is larger than {@code msilo.max.body}: {@code 413 Request Entity Too Large}. */
    TOO_LARGE(413, "Request Entity Too Large"),
    /** The From or Content-Type header is too long for the table: {@code 400}. */
    BAD_HEADER(400, "Bad Request - From or Content-Type too long"),
    /** Too many messages wait to be written: {@code 503 Service Unavailable}, to be sent again later. */
    BUSY(503, "Service Unavailable"),
    /** The database failed; nothing was stored: {@code 500}. */
    FAILED(500, "Server Internal Error");

    private final int status;
    private final String reason;

    StoreOutcome(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    /** @return the status code of the answer */
    public int status() {
        return status;
    }

    /** @return the reason phrase of the answer */
    public String reason() {
        return reason;
    }
}
