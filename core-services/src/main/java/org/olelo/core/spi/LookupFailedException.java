package org.olelo.core.spi;

import java.net.UnknownHostException;

/**
 * A name could not be looked up because the look-up itself failed (no DNS server answered in
 * time, or one answered with a failure), as opposed to the name having no address: a proxy
 * answers {@code 504 Server Time-out} for it (RFC 3261 §21.5.5) rather than {@code 502}.
 */
public class LookupFailedException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    /** @param message which name, and what went wrong; nothing internal */
    public LookupFailedException(String message) {
        super(message);
    }
}
