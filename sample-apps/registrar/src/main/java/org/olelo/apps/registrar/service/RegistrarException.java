package org.olelo.apps.registrar.service;

import java.util.Map;

/**
 * A request the registrar must refuse, with the SIP status and reason phrase to answer: 400 naming
 * the bad header, 403 for a foreign domain, 423 with its Min-Expires header, and so on.
 */
public class RegistrarException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers;

    /**
     * @param status the SIP status code
     * @param reason the reason phrase, naming the fault
     */
    public RegistrarException(int status, String reason) {
        this(status, reason, Map.of());
    }

    /**
     * @param status  the SIP status code
     * @param reason  the reason phrase, naming the fault
     * @param headers extra headers the answer carries (e.g. Min-Expires)
     */
    public RegistrarException(int status, String reason, Map<String, String> headers) {
        super(reason);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    /** @return the SIP status code */
    public int status() {
        return status;
    }

    /** @return the reason phrase */
    public String reason() {
        return getMessage();
    }

    /** @return extra headers for the answer, name to value */
    public Map<String, String> headers() {
        return headers;
    }
}
