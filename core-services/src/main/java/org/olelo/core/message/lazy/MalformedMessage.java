package org.olelo.core.message.lazy;

/**
 * Bytes that are not a SIP message the server accepts; the message says what is wrong in words fit
 * for a reason phrase (it names a header at most, nothing internal). Carries no stack trace: it is
 * thrown for attacker-made input on the hot path, where a trace would cost for nothing.
 */
public final class MalformedMessage extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** @param fault what is wrong, e.g. {@code malformed Via header}; a request with it deserves 400 */
    public MalformedMessage(String fault) {
        this(400, fault);
    }

    /**
     * @param status the status a request with this fault is answered with
     * @param fault  what is wrong
     */
    public MalformedMessage(int status, String fault) {
        super(fault, null, false, false);
        this.status = status;
    }

    /** The status a request with this fault is answered with (a response with it is dropped). */
    public int status() {
        return status;
    }
}
