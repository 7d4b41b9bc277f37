package org.olelo.apps.presence.service;

import java.util.Map;

/**
 * A request the presence rules refuse: the status, reason phrase and extra headers of the answer
 * ({@code Min-Expires} with 423, {@code Accept} with 415, {@code Allow-Events} with 489). The reason
 * names only what the sender sent; never anything internal.
 */
public final class Rejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers;

    /** A refusal without extra headers. */
    public Rejection(int status, String reason) {
        this(status, reason, Map.of());
    }

    /** A refusal with extra headers. */
    public Rejection(int status, String reason, Map<String, String> headers) {
        super(reason);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    /** @return the status code */
    public int status() {
        return status;
    }

    /** @return the reason phrase */
    public String reason() {
        return getMessage();
    }

    /** @return extra headers of the answer */
    public Map<String, String> headers() {
        return headers;
    }
}
