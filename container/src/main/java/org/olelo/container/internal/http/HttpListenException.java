package org.olelo.container.internal.http;

import java.io.IOException;

/** The HTTP listener could not be opened; the message is one line naming the address and why. */
public final class HttpListenException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: the address, what failed, what to do
     * @param cause   the failure underneath
     */
    public HttpListenException(String message, Throwable cause) {
        super(message, cause);
    }
}
